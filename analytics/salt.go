package analytics

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SaltFile is where a generated visitor-hash salt is kept in the data dir.
const SaltFile = "analytics.salt"

// LoadSalt returns the secret salt of visitor hashes: the configured one if
// set, else the one kept in dataDir, generated on first use. Several
// replicas sharing one PostgreSQL store should configure the same salt, or a
// visitor moving between them may vote once per replica.
func LoadSalt(configured, dataDir string) ([]byte, error) {
	if configured != "" {
		if len(configured) < 16 {
			return nil, errors.New("analytics: analytics_salt must be at least 16 characters")
		}
		return []byte(configured), nil
	}
	path := filepath.Join(dataDir, SaltFile)
	b, err := os.ReadFile(path)
	if err == nil {
		salt, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(salt) < 16 {
			return nil, fmt.Errorf("analytics: %s is damaged; delete it to generate a new salt", path)
		}
		return salt, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	salt := make([]byte, 32)
	if _, err := rand.Read(salt); err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	// Written aside and linked into place: two processes starting together
	// must end up with one salt, and neither may read a half-written file.
	tmp, err := os.CreateTemp(dataDir, SaltFile+".*")
	if err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.WriteString(hex.EncodeToString(salt) + "\n")
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return nil, fmt.Errorf("analytics: write salt: %w", werr)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return LoadSalt("", dataDir)
	} else if err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	return salt, nil
}
