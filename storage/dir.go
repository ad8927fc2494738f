package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// LibraryEnv names the environment variable that overrides where the library
// lives, so that tests and scripts never touch a researcher's real data.
const LibraryEnv = "VERBATIM_LIBRARY"

// DefaultDir is the directory that holds the user's library: $VERBATIM_LIBRARY
// when set, else the operating system's per-user data directory (XDG data
// home on Linux, Application Support on macOS, AppData on Windows).
func DefaultDir() (string, error) {
	if dir := os.Getenv(LibraryEnv); dir != "" {
		return dir, nil
	}
	return userDataDir(runtime.GOOS, os.Getenv, os.UserHomeDir, os.UserConfigDir)
}

func userDataDir(goos string, getenv func(string) string,
	home func() (string, error), config func() (string, error)) (string, error) {
	switch goos {
	case "darwin", "windows":
		// Application Support on macOS, %AppData% on Windows.
		dir, err := config()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "Verbatim"), nil
	default:
		if xdg := getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
			return filepath.Join(xdg, "verbatim"), nil
		}
		h, err := home()
		if err != nil {
			return "", err
		}
		if h == "" {
			return "", errors.New("no home directory is known for this user")
		}
		return filepath.Join(h, ".local", "share", "verbatim"), nil
	}
}
