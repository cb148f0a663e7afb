package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spravka/spravka/server"
)

// agentConfig is one entry of the config's agents list. Token (plain) is
// for local use only; production configs hold TokenSHA256.
type agentConfig struct {
	Name        string   `yaml:"name"`
	TokenSHA256 string   `yaml:"token_sha256"`
	Token       string   `yaml:"token"`
	Tiers       []string `yaml:"tiers"`
}

// rateLimitConfig is the per-token limit of the agent API.
type rateLimitConfig struct {
	PerSecond float64 `yaml:"per_second"` // default 20
	Burst     int     `yaml:"burst"`      // default 40
}

func (c config) validateAgents() error {
	for i, a := range c.Agents {
		if a.Name == "" {
			return fmt.Errorf("config: agents[%d] has no name", i)
		}
		if (a.Token == "") == (a.TokenSHA256 == "") {
			return fmt.Errorf("config: agent %q needs exactly one of token_sha256 and token", a.Name)
		}
	}
	if c.RateLimit.PerSecond < 0 || c.RateLimit.Burst < 0 {
		return fmt.Errorf("config: rate_limit must not be negative")
	}
	return nil
}

// serverAgents hashes plain tokens (warning about each) and converts the
// agents for the server, which only ever sees hashes.
func (c config) serverAgents(log *slog.Logger) []server.Agent {
	out := make([]server.Agent, 0, len(c.Agents))
	for _, a := range c.Agents {
		hash := a.TokenSHA256
		if a.Token != "" {
			log.Warn("agent token is in the config as plain text; use token_sha256 outside local setups (spravka token new)", "agent", a.Name)
			hash = sha256Hex(a.Token)
		}
		out = append(out, server.Agent{Name: a.Name, TokenSHA256: hash, Tiers: a.Tiers})
	}
	return out
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// newToken returns 32 random bytes as URL-safe text: 256 bits, so the
// unsalted SHA-256 in the config cannot be reversed by guessing.
func newToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return "spr_" + base64.RawURLEncoding.EncodeToString(b[:]), nil
}

func runToken(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "new" {
		fmt.Fprintln(stderr, "Usage: spravka token new --name NAME [--tiers l1,l2] [--admin]")
		return errExit(2)
	}
	fs := newFlagSet("token new", "token new --name NAME [--tiers l1,l2] [--admin]", stderr)
	name := fs.String("name", "", "agent or bot name (required unless --admin)")
	tiers := fs.String("tiers", "", "comma-separated tiers whose internal articles the token may see; empty = public only")
	admin := fs.Bool("admin", false, "make an admin token (admin_token_sha256)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *name == "" && !*admin {
		fs.Usage()
		return fmt.Errorf("token new needs --name")
	}
	tok, err := newToken()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "token: %s\n\n", tok)
	fmt.Fprintln(stdout, "Give the token to its user once; the config keeps only its hash:")
	if *admin {
		fmt.Fprintf(stdout, "\nadmin_token_sha256: %q\n", sha256Hex(tok))
		return nil
	}
	var list []string
	for _, t := range strings.Split(*tiers, ",") {
		if t = strings.TrimSpace(t); t != "" {
			list = append(list, t)
		}
	}
	fmt.Fprintf(stdout, "\nagents:\n  - name: %q\n    token_sha256: %q\n    tiers: [%s]\n", *name, sha256Hex(tok), strings.Join(list, ", "))
	return nil
}
