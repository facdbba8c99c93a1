extension SiteConfig {
    /// True when `path` (absolute, with or without the base URL) lies under one of
    /// `externalPaths`, segment by segment: `/blog` covers `/blog` and `/blog/x`, not `/blogger`.
    public func isExternalPath(_ path: String) -> Bool {
        guard !externalPaths.isEmpty else { return false }
        var candidates = [path]
        if baseURL != "/", path.hasPrefix(baseURL) { candidates.append("/" + path.dropFirst(baseURL.count)) }
        return candidates.contains { candidate in
            externalPaths.contains { prefix in
                candidate == prefix || candidate.hasPrefix(prefix + "/")
            }
        }
    }
}
