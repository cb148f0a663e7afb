package server_test

import "os"

// mkdirTemp makes the shared index dir; TestMain removes it.
func mkdirTemp() (string, error) {
	dir, err := os.MkdirTemp("", "spravka-server-test-")
	tempDirs = append(tempDirs, dir)
	return dir, err
}

var tempDirs []string
