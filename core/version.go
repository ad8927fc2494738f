package core

// Version is Verbatim's release version, shown by both programs. Keep it in
// step with FyneApp.toml (a test checks).
const Version = "0.1.0"
