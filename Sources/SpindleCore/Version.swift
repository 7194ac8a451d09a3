/// This Spindle's version, shown by `spindle --version` and recorded in plugins built against it.
public let spindleVersion = "0.1.0"
