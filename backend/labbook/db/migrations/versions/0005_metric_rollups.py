"""metric rollups: per-metric pyramid of step buckets for fast downsampled histories

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

Existing histories are folded in here, one metric at a time, with the same code that keeps
the rollups on write (`labbook.store.metric_rollups.history_rollups`): the live rule, so the
rows are those of the latest rule (0008 made the pyramid sparse) and 0008 rebuilds the same.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from labbook.store.metric_rollups import history_rollups

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG = sa.BigInteger()


def _columns() -> list[sa.Column[Any]]:
    point = [
        sa.Column(f"{p}_{c}", _BIG if c != "value" else sa.Float(), nullable=c == "value")
        for p in ("first", "last")
        for c in ("step", "timestamp", "value")
    ]
    extreme = [
        sa.Column(f"{p}_{c}", sa.Float() if c == "value" else _BIG, nullable=True)
        for p in ("min", "max")
        for c in ("value", "step", "timestamp")
    ]
    return [sa.Column("count", _BIG, nullable=False), *point, *extreme]


def upgrade() -> None:
    table = op.create_table(
        "candidate_metric_rollups",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("bucket", _BIG, nullable=False),
        *_columns(),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_metric_rollups_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "candidate_id", "name", "level", "bucket", name=op.f("pk_candidate_metric_rollups")
        ),
    )
    assert table is not None
    for rows in history_rollups(op.get_bind()):
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("candidate_metric_rollups")
