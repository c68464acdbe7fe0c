"""sparse metric rollups: a point goes into levels 0 to the first where it is in bucket 0 or -1

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

Until now every point was folded into all 20 levels of the pyramid (one point: 20 rows). Now a
point stops at the first level whose bucket around step 0 (0, or -1 for negative steps) holds
it, and readers rebuild buckets 0 and -1 from their rows at the lower levels
(`labbook.store.metric_rollups`). The rows are rebuilt here from the histories with the live
code (`history_rollups`, as 0005 fills the table).

Downgrade leaves the sparse rows in place: this code cannot write the dense rows, and raising
would block every downgrade past this revision. Code from before 0008 reading them would miss,
in buckets 0 and -1 of levels above 0, the points stored at lower levels; to go back to dense
rows, downgrade to 0004 and upgrade again with that code (its 0005 fills them).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labbook.store.metric_rollups import ROW_COLUMNS, history_rollups

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ROLLUPS = sa.table("candidate_metric_rollups", *(sa.column(c) for c in ROW_COLUMNS))


def upgrade() -> None:
    op.execute(_ROLLUPS.delete())
    for rows in history_rollups(op.get_bind()):
        op.bulk_insert(_ROLLUPS, rows)


def downgrade() -> None:
    """Nothing: the sparse rows stay (see the module docstring)."""
