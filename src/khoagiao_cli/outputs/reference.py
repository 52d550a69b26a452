"""The configuration reference, written from the schema itself (config/schema.py): every key of units.yaml and
schedule.yaml with its kind of value, its default and its meaning, in Vietnamese or English. `khoagiao config
--reference` prints it; the README's reference is this text (tests/test_docs.py keeps them equal)."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from khoagiao_cli.config.schema import FILES
from khoagiao_cli.i18n import Words


def reference(lang: str) -> str:
    """The whole reference as Markdown."""
    words = Words(lang)
    out: list[str] = []
    for name, model in FILES.items():
        out += [f"#### `{name}`", "", _doc(words, model), ""]
        out += _table(words, model, prefix="")
    return "\n".join(out).rstrip() + "\n"


def _doc(words: Words, model: type[BaseModel]) -> str:
    doc = " ".join((model.__doc__ or "").split())
    extra = model.model_config.get("json_schema_extra")
    vi = extra.get("vi") if isinstance(extra, dict) else None
    return str(vi) if words.lang == "vi" and vi else doc


def _table(words: Words, model: type[BaseModel], prefix: str) -> list[str]:
    rows = [f"| {words('ref_key')} | {words('ref_value')} | {words('ref_default')} | {words('ref_meaning')} |",
            "|---|---|---|---|"]
    below: list[tuple[str, type[BaseModel]]] = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        meaning = str(extra.get("vi")) if words.lang == "vi" else (field.description or "")
        inner = _model_of(field.annotation)
        if inner is not None:
            below.append((f"{prefix}{key}{'[]' if _is_list(field.annotation) else ''}", inner))
        rows.append(f"| `{prefix}{key}` | {_kind(words, field.annotation)} | {_default(words, field)} | {meaning} |")
    out = [*rows, ""]
    for path, inner in below:
        out += [f"##### `{path}`", "", _doc(words, inner), ""]
        out += _table(words, inner, prefix=f"{path}.")
    return out


def _strip(annotation: Any) -> Any:
    """Without Annotated metadata and without None."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip(args[0]) if len(args) == 1 else annotation
    return annotation


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(_strip(annotation)) is list


def _model_of(annotation: Any) -> type[BaseModel] | None:
    kind = _strip(annotation)
    if typing.get_origin(kind) is list:
        kind = _strip(typing.get_args(kind)[0])
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else None


def _kind(words: Words, annotation: Any) -> str:
    kind = _strip(annotation)
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return words("ref_one_of", values=", ".join(f"`{v}`" for v in typing.get_args(kind)))
    if origin is list:
        return words("ref_list", of=_kind(words, typing.get_args(kind)[0]))
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return words("ref_mapping")
    names = {int: "ref_int", str: "ref_text", date: "ref_date", type(None): "ref_none"}
    return words(names.get(kind, "ref_text"))


def _default(words: Words, field: Any) -> str:
    if field.default is PydanticUndefined:
        return words("ref_required")
    value = field.default
    if value is None or value == [] or isinstance(value, BaseModel):
        return ""
    return f"`{value}`"
