"""`GET /api/3.0/mlflow/server-info`: what the client probes before its first artifact download."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

SERVER_INFO = {
    "store_type": "SqlStore",
    "workspaces_enabled": False,
    "trace_archival_enabled": False,
    "multipart_uploads_enabled": False,
    "multipart_downloads_enabled": False,
    "presigned_upload_run_id_supported": False,
    "presigned_upload_model_id_supported": False,
    "features_enabled": {},
}


async def server_info(_request: Request) -> Response:
    # Unauthenticated on purpose: it reveals only which optional transfer modes are off.
    return JSONResponse(SERVER_INFO)


ROUTES = [("GET", "/api/3.0/mlflow/server-info", server_info)]
