// The library's public face: `Build`, `Update` and `CoverageReport` here, and the values they return. A user of
// the library imports Witaj alone.
@_exported import struct WitajCore.Diagnostic
@_exported import struct WitajCore.Diagnostics
@_exported import struct WitajCore.SourceLocation
@_exported import struct WitajSite.Coverage
@_exported import struct WitajSite.CoverageHistory
