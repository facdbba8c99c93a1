import Foundation

/// The small bash programs placed in the sandbox.
enum SandboxScripts {
    /// Reads the environment and the runbook's arguments from files of the control folder (so
    /// no value is on a command line the host can list), starts the fixture server, waits until
    /// it listens, runs the runbook in the start folder and exits with its status.
    /// Arguments: the server executable, the start folder.
    static func initScript(unsandboxed: Bool, control: String) -> String {
        """
        #!/bin/bash
        # docket sandbox init: environment, fixture server, then the runbook.
        set -u
        ctl=\(control)
        server=$1 start=$2
        set -a
        . "$ctl/environment"
        set +a
        args=()
        mapfile -d '' -t args <"$ctl/arguments"
        \(unsandboxed ? ": no fixture server without the sandbox" : """
        "$server" fixture-server --config "$ctl/server.json" --ready "$ctl/ready" >>"$ctl/setup.log" 2>&1 </dev/null 3>&- &
        # Up to 10 s, in steps of 10 ms waited on a FIFO nobody writes to: no process a step.
        for ((i = 0; i < 1000; i++)); do [ -e "$ctl/ready" ] && break; read -r -t 0.01 _ <>"$ctl/idle"; done
        if [ ! -e "$ctl/ready" ]; then echo "docket: the fixture server did not start" >>"$ctl/setup.log"; echo 97 >"$ctl/exit"; exit 97; fi
        """)
        if ! cd "$start" 2>>"$ctl/setup.log"; then echo "docket: the fixture's cwd $start does not exist" >>"$ctl/setup.log"; echo 98 >"$ctl/exit"; exit 98; fi
        # Step outcomes go to fd 3, this script's standard output: a pipe read by docket outside
        # the sandbox. The runtime closes it for every step it runs.
        DOCKET_STATUS_FD=3 bash "$ctl/runbook.sh" "${args[@]}" 3>&1 >"$ctl/output.log" 2>&1 </dev/null
        status=$?
        echo "$status" >"$ctl/exit"
        printf '\(exitMark) %s\\n' "$status"
        exit "$status"
        """
    }

    /// Started by docket outside the sandbox, as docket's user: opens the file bwrap writes its
    /// JSON status to, enters the run's control groups, then becomes the rest of its arguments
    /// (prlimit, setpriv, bwrap). Arguments: the status file, the command.
    static func launcher(cgroups: String) -> String {
        """
        exec 5>"$1" || exit 120
        shift
        \(cgroups)
        exec "$@"
        """
    }

    /// The status pipe's last line, `docket-exit N`: the runbook finished with status N (also
    /// in the exit file, which a run that filled its disk cannot write).
    static let exitMark = "docket-exit"

    /// `NAME='value'` lines for the init script to source.
    static func environmentFile(_ environment: [String: String]) -> String {
        environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))\n" }.joined()
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
            first == "_" || (first.isASCII && CharacterSet.letters.contains(first))
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    /// Records the call (step, command line) and hands over to the stub's implementation.
    static func recordingWrapper(name: String, control: String) -> String {
        """
        #!/bin/bash
        printf '%s\\t%s\\n' "${DOCKET_STEP:-}" "\(name)${*:+ $*}" >>\(control)/calls.log
        exec \(control)/stubs/.impl/\(name) "$@"
        """
    }

    /// `sudo` inside the sandbox, first on PATH: the run is already uid 0 there (of its own user
    /// namespace), so it records the call like a stub, drops the options that only say how to
    /// become root (-E, -H, -n, -S, -k, -u root, -g root, --) and runs the command, with HOME
    /// set to /root as sudo's env_reset does (kept with -E), USER root and SUDO_USER the caller,
    /// as sudo sets them. Another target user is an error:
    /// the sandbox has no other account to switch to.
    static func sudo(control: String) -> String {
        """
        #!/bin/bash
        # docket sandbox sudo: everything here already runs as root.
        printf '%s\\t%s\\n' "${DOCKET_STEP:-}" "sudo${*:+ $*}" >>\(control)/calls.log
        keep_env=0 shell=0
        as_root() {
          case $1 in
            root|0|'#0') return 0 ;;
            *) printf 'sudo (docket sandbox): cannot run as %s: the sandbox has only root; stub sudo in the fixture to accept -u\\n' "$1" >&2; exit 1 ;;
          esac
        }
        while (($#)); do
          case $1 in
            --) shift; break ;;
            -E|--preserve-env|--preserve-env=*) keep_env=1; shift ;;
            -H|--set-home|-n|--non-interactive|-S|--stdin|-k|--reset-timestamp) shift ;;
            -i|--login|-s|--shell) shell=1; shift ;;
            -u|--user|-g|--group) (($# >= 2)) || { echo "sudo (docket sandbox): $1 needs a value" >&2; exit 1; }; as_root "$2"; shift 2 ;;
            --user=*|--group=*) as_root "${1#*=}"; shift ;;
            -u?*|-g?*) as_root "${1:2}"; shift ;;
            -?*) printf 'sudo (docket sandbox): option %s is not supported here\\n' "$1" >&2; exit 1 ;;
            *) break ;;
          esac
        done
        assignments=()
        while (($#)) && [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do assignments+=("$1"); shift; done
        ((keep_env)) || export HOME=/root
        # What sudo tells the command: stubs can refuse state changes made without sudo (as
        # systemctl or apt-get do for an ordinary user) by looking for SUDO_USER.
        export SUDO_USER=${SUDO_USER:-${USER:-operator}} SUDO_UID=${SUDO_UID:-1000} SUDO_GID=${SUDO_GID:-1000} SUDO_COMMAND="$*" USER=root LOGNAME=root
        if ((shell)); then
          (($#)) || exec env "${assignments[@]}" bash
          exec env "${assignments[@]}" bash -c "$*"
        fi
        (($#)) || { echo "usage: sudo [-E] [-H] [-u root] [--] command [argument ...]" >&2; exit 1; }
        ((${#assignments[@]})) && exec env "${assignments[@]}" "$@"
        exec "$@"
        """
    }

    /// A stub answering from declarative rules, first match wins.
    static func ruleStub(name: String, rules: [StubRule]) -> String {
        var out = "#!/bin/bash\nargs=\"$*\"\n"
        for rule in rules {
            var condition = "true"
            if let exact = rule.exact {
                condition = "[[ $args == \(quote(exact)) ]]"
            } else if let pattern = rule.pattern {
                condition = "re=\(quote(pattern)); [[ $args =~ $re ]]"
            }
            out += "if \(condition); then\n"
            for (path, content) in rule.creates.sorted(by: { $0.key < $1.key }) {
                let target = path.hasPrefix("~/") ? "\"$HOME\"/\(quote(String(path.dropFirst(2))))" : quote(path)
                out += "  mkdir -p \"$(dirname -- \(target))\" && printf '%s' \(quote(content)) >\(target)\n"
            }
            if !rule.stdout.isEmpty { out += "  printf '%s' \(quote(rule.stdout))\n" }
            if !rule.stderr.isEmpty { out += "  printf '%s' \(quote(rule.stderr)) >&2\n" }
            out += "  exit \(rule.status)\nfi\n"
        }
        out += "printf 'docket stub \(name): no rule of the fixture answers: %s\\n' \"$args\" >&2\nexit 127\n"
        return out
    }

    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
