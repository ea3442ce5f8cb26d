"""flask-smorest paging over a lazy SQLAlchemy ``select``: one COUNT and one LIMIT/OFFSET query."""

from __future__ import annotations

from typing import Any

from flask_smorest import Page
from sqlalchemy import func, select

from api.extensions import db


class SelectPage(Page):
    @property
    def item_count(self) -> int:
        counted = select(func.count()).select_from(self.collection.order_by(None).subquery())
        return db.session.scalar(counted) or 0

    @property
    def items(self) -> list[Any]:
        params = self.page_params
        if params.item_count is not None and params.first_item >= params.item_count:
            return []  # past the end: no query
        return list(db.session.scalars(self.collection.offset(params.first_item).limit(params.page_size)))
