/// The fixed part of every generated runbook script: argument parsing, parameters, prompts,
/// the journal, and how each kind of step runs. The generator puts the runbook's own data
/// (parameters and steps) in front of it.
///
/// The runtime is a real file, `runtime/docket-runtime.bash` beside this one, so that editors
/// and shellcheck (`make test`) read it as bash; the EmbedFiles plugin compiles it in at build
/// time. It is plain bash 4.2 (associative arrays, `declare -g`) with coreutils and awk, so the
/// script runs on a server without docket. Parameter values are data: they are only ever expanded
/// inside double quotes or passed through the environment, never evaluated, and never searched
/// for examples.
/// The runtime's own tools are resolved to absolute paths from the system folders at start-up.
public enum ScriptRuntime {
    /// The runtime's text, without the file's final newline (the generator adds its own).
    public static let text: String = {
        // The plugin embeds exactly the files the table in Plugins/EmbedFiles names, so a missing
        // entry is a broken build, not an input error (RuntimeFileTests compares the text with the file).
        guard let file = RuntimeFiles.files["docket-runtime.bash"] else {
            preconditionFailure("runtime/docket-runtime.bash is not embedded: see Plugins/EmbedFiles")
        }
        return file.hasSuffix("\n") ? String(file.dropLast()) : file
    }()
}
