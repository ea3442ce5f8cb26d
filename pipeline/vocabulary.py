"""The skill vocabulary and the relatedness table: data only, read by ``pipeline.text``.

Each line of a block below is one term: ``Canonical | alias | alias`` (a line starting with "|" continues
the one before). The first spelling is the canonical
display form that every stage reports; the others are spellings that mean the same thing (acronyms, old
names, other scripts). Matching ignores case, accents and plurals, so "APIs" needs no alias of its own.

Short or ordinary-word aliases carry a marker, because they must not match ordinary words:

- ``Go!``: *cased*. The text must spell it exactly so ("Go", never "go"), and at the start of a sentence
  ("Go the extra mile") it also needs technical context.
- ``R!!``: *context*. Exact spelling and technical context, always (single letters, "TS").

Technical context means a neighbouring token (across commas, slashes, "and", "or") is another vocabulary
term or a cue word such as "language", "programming", "developer" (see ``pipeline.text``).

``RELATED`` groups technologies that are close enough to count as transferable evidence: experience with
one member is related (never equal) to experience with another. Kept small and conservative on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

PLAIN = ""
CASED = "cased"  # marker "!"
CONTEXT = "context"  # marker "!!"

# Kinds whose single-word names are never stemmed ("Pandas" stays "pandas", "Rails" stays "rails").
NAME_KINDS = frozenset(
    {"language", "framework", "database", "messaging", "cloud", "devops", "data", "tool", "certification"}
)

_BLOCKS: dict[str, str] = {
    "language": """
Python | Python 3 | Python3
Java
JavaScript | JS | ECMAScript | ES6
TypeScript | TS!!
Go! | Golang
Rust!
C!!
C++ | CPP | C plus plus
C# | C sharp | csharp
Ruby!
PHP
Kotlin
Swift!
Objective-C | ObjC
Scala
R!! | R language
Perl
Elixir
Erlang
Haskell
Clojure
F#
Dart!
Lua
Julia!
MATLAB
SQL
T-SQL | Transact-SQL
PL/SQL
Bash | Bash scripting
shell scripting | shell scripts | shell script
PowerShell
Groovy
Solidity
COBOL
Fortran
Visual Basic | VB.NET | VBA
HTML | HTML5
CSS | CSS3
Sass | SCSS
WebAssembly | Wasm
""",
    "framework": """
Django
Flask
FastAPI
Celery!
SQLAlchemy
Pydantic
asyncio
React! | React.js | ReactJS
React Native
Redux
Next.js | NextJS
Vue.js | Vue | VueJS
Nuxt.js | Nuxt
Angular! | AngularJS
Svelte | SvelteKit
Ember.js | Ember!
jQuery
Node.js | NodeJS | Node!
Express! | Express.js | ExpressJS
NestJS
Deno
Spring!
Spring Boot
Hibernate!
Ruby on Rails | Rails! | RoR
Laravel
Symfony
.NET | dotnet | .NET Core
ASP.NET | ASP.NET Core
Entity Framework
Unity!
Unreal Engine
Flutter!
SwiftUI
Jetpack Compose
Electron!
gRPC
Tailwind CSS | Tailwind
Bootstrap!
Webpack
Vite!
Jest!
pytest
JUnit
Cypress!
Selenium
Playwright!
Mocha!
Storybook
Qt
""",
    "database": """
PostgreSQL | Postgres
MySQL
MariaDB
SQLite
Microsoft SQL Server | SQL Server | MSSQL | MS SQL
Oracle Database | Oracle! | Oracle DB
MongoDB | Mongo
Redis
Memcached
Cassandra | Apache Cassandra
DynamoDB | Amazon DynamoDB
Elasticsearch | Elastic Search
OpenSearch
Solr | Apache Solr
Neo4j
CouchDB
Couchbase
ClickHouse
Snowflake!
BigQuery | Google BigQuery
Redshift | Amazon Redshift
Databricks
InfluxDB
TimescaleDB
CockroachDB
Supabase
Amazon Aurora
NoSQL
vector databases | vector database | vector search
""",
    "messaging": """
Kafka | Apache Kafka
RabbitMQ
Amazon SQS | SQS
Amazon SNS | SNS
Kinesis | Amazon Kinesis
Google Pub/Sub | Pub/Sub | PubSub
Apache Pulsar | Pulsar!
ActiveMQ
ZeroMQ | ZMQ
Redpanda
MQTT
""",
    "cloud": """
AWS | Amazon Web Services
GCP | Google Cloud | Google Cloud Platform
Azure | Microsoft Azure
AWS Lambda | Lambda!
Amazon EC2 | EC2
Amazon S3 | S3
Amazon ECS | ECS
Amazon EKS | EKS
Google Kubernetes Engine | GKE
Azure Kubernetes Service | AKS
CloudFormation | AWS CloudFormation
Heroku
DigitalOcean
Cloudflare
Firebase
Vercel
Netlify
OpenShift
serverless
""",
    "devops": """
Docker
Docker Compose
Podman
Kubernetes | k8s
Helm!
Terraform
Pulumi
Ansible
Chef!
Puppet!
Jenkins
GitHub Actions
GitLab CI | GitLab CI/CD
CircleCI
Travis CI
Argo CD | ArgoCD
Istio
Envoy!
Nginx
Prometheus
Grafana
Datadog
New Relic
Splunk
ELK Stack | ELK
OpenTelemetry
Sentry!
PagerDuty
HashiCorp Vault | Vault!
Linux
Unix
Git
GitHub
GitLab
Bitbucket
Bazel
Maven
Gradle
npm
CI/CD | CICD | CI CD | continuous integration | continuous delivery | continuous deployment | CI!
infrastructure as code | IaC
DevOps
DevSecOps
MLOps
site reliability engineering | SRE
microservices | microservice architecture | microservice | 微服务 | マイクロサービス
containerization | containers
observability
monitoring
""",
    "data": """
machine learning | ML | 机器学习 | 機械学習 | 머신러닝 | машинное обучение
deep learning | 深度学习 | 深層学習 | ディープラーニング
artificial intelligence | AI | 人工智能 | 人工知能
natural language processing | NLP | 自然语言处理 | 自然言語処理
computer vision | 计算机视觉
large language models | LLM | LLMs | large language model | 大模型 | 大语言模型
generative AI | GenAI | Gen AI
retrieval-augmented generation | RAG!
prompt engineering
reinforcement learning
data science
data engineering
data analysis | data analytics | 数据分析 | データ分析
data visualization | data visualisation
data modeling | data modelling | data models | data model
data pipelines | data pipeline
data warehousing | data warehouse | 数据仓库
ETL | ELT
big data | 大数据
A/B testing | split testing
statistics
pandas
NumPy
SciPy
scikit-learn | sklearn
PyTorch
TensorFlow
Keras
JAX
Hugging Face | HuggingFace
LangChain
XGBoost
LightGBM
Apache Spark | Spark! | PySpark
Hadoop | Apache Hadoop
Apache Flink | Flink
Apache Beam
Airflow | Apache Airflow
dbt
Dagster
Prefect!
Tableau
Power BI | PowerBI
Looker
Excel! | Microsoft Excel
Jupyter | Jupyter Notebook
MLflow
Kubeflow
SageMaker | Amazon SageMaker
Vertex AI
feature engineering
recommender systems | recommendation systems
time series
""",
    "tool": """
Jira
Confluence!
Figma
Postman!
OpenAPI | Swagger
Xcode
Android Studio
Salesforce
SAP
HubSpot
Zendesk
Shopify
WordPress
Stripe!
Twilio
Auth0
Okta
Keycloak
Kibana
Logstash
JSON
XML
YAML
HTTP | HTTPS
TCP/IP
Windows!
macOS
""",
    "practice": """
code review | code reviews | review code | reviewing code | 代码审查 | コードレビュー
mentoring | mentor | mentorship
technical interviewing | interviewing
agile | agile methodologies | agile development
Scrum
Kanban
test-driven development | TDD
behavior-driven development | BDD | behaviour-driven development
unit testing | unit tests | 单元测试
integration testing | integration tests
end-to-end testing | e2e testing | E2E tests
test automation | automated testing | automated tests
pair programming
system design
software architecture
distributed systems | 分布式系统 | 分散システム
object-oriented programming | OOP | object-oriented design
functional programming
design patterns
domain-driven design | DDD
event-driven architecture
APIs | API
REST APIs | REST API | RESTful APIs | RESTful API | RESTful services | RESTful web services | REST services
API design
GraphQL
WebSockets
OAuth | OAuth2 | OAuth 2.0
application security | AppSec
cybersecurity | cyber security | information security | InfoSec
performance optimization | performance tuning
scalability
high availability | 高可用
incident response | on-call
debugging
troubleshooting
technical documentation | documentation
version control
caching
concurrency | multithreading | 并发 | 高并发
asynchronous programming | async programming
data structures | 数据结构
algorithms | 算法 | アルゴリズム
accessibility | a11y | WCAG
responsive design
UI/UX design | UI/UX | UX/UI | UX design | UI design
product management
project management
stakeholder management
""",
    "domain": """
backend | back-end | back end | backend development | server-side | 后端 | バックエンド
frontend | front-end | front end | frontend development | client-side | 前端 | フロントエンド
full stack | full-stack | fullstack | 全栈
mobile development | mobile apps
iOS
Android
embedded systems | embedded software | firmware
web development
e-commerce | ecommerce
SaaS
blockchain
IoT | Internet of Things
game development
""",
    "soft": """
communication | communication skills | 沟通
teamwork | team player | 团队合作
collaboration
leadership | technical leadership
problem solving | problem-solving
time management
attention to detail
""",
    "certification": """
AWS Certified | AWS certification | AWS certifications | AWS certificate
Certified Kubernetes Administrator | CKA
Certified Kubernetes Application Developer | CKAD
Google Cloud Certified | GCP certification | Google Cloud certification
Azure certification | Microsoft Certified Azure
Project Management Professional | PMP
CISSP
CompTIA Security+ | Security+
Certified ScrumMaster | Scrum Master | CSM
ISO 27001 | ISO27001
SOC 2 | SOC2
GDPR
HIPAA
PCI DSS | PCI-DSS
""",
    "degree": """
Bachelor's degree | bachelor | bachelor degree | bachelors degree | undergraduate degree | 本科
  | Bachelor of Science | BSc | B.Sc | BS degree | Bachelor of Arts | BA degree
Master's degree | masters degree | master degree | graduate degree | 硕士
  | Master of Science | MSc | M.Sc | MS degree | Master of Engineering | MEng
PhD | Ph.D | doctorate | doctoral degree | 博士
MBA
""",
    "field": """
Computer Science | 计算机科学
Software Engineering
Electrical Engineering
Mathematics | maths
Physics
""",
    "spoken": """
English | 英语
Spanish
German
French
Mandarin | Mandarin Chinese
Japanese | 日语
Portuguese
Italian
Dutch
Korean
Russian
Arabic
Hindi
""",
}

# Transferable evidence: members of one group are related to each other. Not transitive across groups.
RELATED: tuple[tuple[str, ...], ...] = (
    (
        "PostgreSQL",
        "MySQL",
        "MariaDB",
        "Microsoft SQL Server",
        "Oracle Database",
        "SQLite",
        "Amazon Aurora",
        "CockroachDB",
    ),
    ("MongoDB", "DynamoDB", "Cassandra", "CouchDB", "Couchbase"),
    ("Redis", "Memcached"),
    ("Elasticsearch", "OpenSearch", "Solr"),
    ("Snowflake", "BigQuery", "Redshift", "Databricks", "ClickHouse"),
    ("Django", "Flask", "FastAPI"),
    ("Ruby on Rails", "Django", "Laravel"),
    ("Spring Boot", "Spring"),
    ("Express", "NestJS", "Node.js"),
    ("React", "Vue.js", "Angular", "Svelte", "Ember.js"),
    ("Next.js", "Nuxt.js"),
    ("JavaScript", "TypeScript"),
    ("Java", "Kotlin", "Scala"),
    ("C", "C++"),
    ("C#", "Java"),
    ("Swift", "Objective-C"),
    ("AWS", "GCP", "Azure"),
    ("AWS Lambda", "serverless"),
    ("Amazon EKS", "Google Kubernetes Engine", "Azure Kubernetes Service", "OpenShift", "Amazon ECS"),
    ("Kubernetes", "OpenShift", "Amazon EKS", "Google Kubernetes Engine", "Azure Kubernetes Service"),
    ("Docker", "Podman", "containerization"),
    ("Terraform", "Pulumi", "CloudFormation", "Ansible"),
    ("Ansible", "Chef", "Puppet"),
    ("Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Travis CI", "CI/CD"),
    ("Kafka", "RabbitMQ", "Amazon SQS", "Kinesis", "Google Pub/Sub", "Apache Pulsar", "Redpanda", "ActiveMQ"),
    ("Prometheus", "Grafana", "Datadog", "New Relic", "Splunk", "ELK Stack", "OpenTelemetry"),
    ("PyTorch", "TensorFlow", "Keras", "JAX"),
    ("pandas", "NumPy", "SciPy"),
    ("Apache Spark", "Hadoop", "Apache Flink", "Apache Beam"),
    ("Airflow", "Dagster", "Prefect"),
    ("Tableau", "Power BI", "Looker"),
    ("pytest", "JUnit", "Jest", "unit testing"),
    ("Cypress", "Playwright", "Selenium", "end-to-end testing"),
    ("REST APIs", "GraphQL", "gRPC"),
    ("machine learning", "deep learning", "data science"),
    ("agile", "Scrum", "Kanban"),
    ("Git", "GitHub", "GitLab", "Bitbucket"),
)


@dataclass(frozen=True)
class Alias:
    text: str  # the spelling, marker removed: "Go"
    mode: str = PLAIN  # PLAIN | CASED | CONTEXT


@dataclass(frozen=True)
class Term:
    canonical: str  # the display form every stage reports: "Kubernetes", "REST APIs"
    kind: str  # language | framework | database | ... (a key of the blocks above)
    aliases: tuple[Alias, ...]  # every spelling, the canonical one first


def _alias(raw: str) -> Alias:
    if raw.endswith("!!"):
        return Alias(raw[:-2], CONTEXT)
    if raw.endswith("!"):
        return Alias(raw[:-1], CASED)
    return Alias(raw)


@cache
def terms() -> tuple[Term, ...]:
    """Every vocabulary term, in the order written above."""
    out = []
    for kind, block in _BLOCKS.items():
        for line in block.strip().replace("\n  |", " |").splitlines():
            spellings = tuple(_alias(part.strip()) for part in line.split("|") if part.strip())
            out.append(Term(canonical=spellings[0].text, kind=kind, aliases=spellings))
    return tuple(out)


@cache
def _related_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for group in RELATED:
        for term in group:
            bucket = index.setdefault(term, [])
            bucket.extend(other for other in group if other != term and other not in bucket)
    return {term: tuple(others) for term, others in index.items()}


def related(canonical: str) -> tuple[str, ...]:
    """Canonical terms related to ``canonical`` (transferable evidence), in table order."""
    return _related_index().get(canonical, ())
