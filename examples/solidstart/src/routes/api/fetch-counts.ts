// GET /api/fetch-counts: how many times each query key really ran on the server.
import { fetchCounts } from "../../lib/db";

export function GET() {
  return Response.json(fetchCounts(), { headers: { "cache-control": "no-store" } });
}
