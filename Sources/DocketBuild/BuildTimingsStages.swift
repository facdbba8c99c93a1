import DocketSite

/// The pipeline's stages (`SitePipeline`) are recorded with the build's.
extension BuildTimings: StageTimer {}
