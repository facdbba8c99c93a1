/// A target uses the plugin but the plugin does not know what it embeds.
enum EmbedFilesError: Error, CustomStringConvertible {
    case noEmbedding(String)

    var description: String {
        switch self {
        case .noEmbedding(let target):
            return "EmbedFiles: target \(target) has no entry in EmbedFiles.embedding(for:): say which files it embeds"
        }
    }
}
