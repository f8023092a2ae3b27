import Hummingbird

/// Drops the kept status tables after every form the page handles (marks, imports, adds, edits,
/// retirements, logins), so whoever changed something sees it on the next page at once, not after
/// the cache's few seconds. Cheap: forms are rare beside page reads.
struct StatusCacheReset<Context: RequestContext>: RouterMiddleware {
    let cache: StatusPageCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            await cache.invalidate()
            return response
        } catch {
            await cache.invalidate()
            throw error
        }
    }
}
