/// What `witaj --version` prints: the release and the commit witaj was built from (`BuildInfo`, written at build
/// time by the EmbedVersion plugin; "unknown" when built outside a git checkout). script/package reads it back.
enum Version {
    static let release = "0.1.0"
    static let description = "witaj \(release) (commit \(BuildInfo.commit))"
}
