// The plugin ABI is the header alone; this file gives SwiftPM a source to build.
