"""Request and response bodies of the auth endpoints."""

import marshmallow as ma
from marshmallow import validate

from api.schemas import BaseSchema

PASSWORD_MIN, PASSWORD_MAX = 8, 128
EMAIL, PASSWORD = "ana.lima@example.com", "correct horse battery staple"  # examples in the contract


class RegisterSchema(BaseSchema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254), metadata={"example": EMAIL})
    password = ma.fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(min=PASSWORD_MIN, max=PASSWORD_MAX),
        metadata={"example": PASSWORD},
    )
    name = ma.fields.String(
        required=True, validate=validate.Length(min=1, max=200), metadata={"example": "Ana Lima"}
    )


class LoginSchema(BaseSchema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254), metadata={"example": EMAIL})
    password = ma.fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(max=PASSWORD_MAX),
        metadata={"example": PASSWORD},
    )


class RefreshSchema(BaseSchema):
    refresh_token = ma.fields.String(required=True, validate=validate.Length(min=1, max=4096))


class TokenSchema(BaseSchema):
    access_token = ma.fields.String(required=True)
    refresh_token = ma.fields.String(required=True)
    token_type = ma.fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = ma.fields.Integer(required=True, metadata={"description": "Access token lifetime, seconds"})


class UserSchema(BaseSchema):
    id = ma.fields.UUID(dump_only=True)
    email = ma.fields.Email(dump_only=True)
    name = ma.fields.String(dump_only=True)
    created_at = ma.fields.DateTime(dump_only=True)
