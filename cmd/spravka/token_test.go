package main

import (
	"bytes"
	"context"
	"log/slog"
	"regexp"
	"strings"
	"testing"
)

func TestTokenNew(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := runToken(context.Background(), []string{"new", "--name", "l1-team", "--tiers", "l1, l2"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`token: (spr_[A-Za-z0-9_-]{43})\n`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no token in:\n%s", out.String())
	}
	for _, want := range []string{`name: "l1-team"`, `token_sha256: "` + sha256Hex(m[1]) + `"`, "tiers: [l1, l2]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
	var again bytes.Buffer
	if err := runToken(context.Background(), []string{"new", "--name", "x"}, &again, &errOut); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(again.String(), m[1]) {
		t.Error("two runs printed the same token")
	}
	if err := runToken(context.Background(), []string{"new"}, &out, &errOut); err == nil {
		t.Error("token new without --name succeeded")
	}
}

func TestAgentsConfig(t *testing.T) {
	var logs bytes.Buffer
	c := defaults()
	c.Agents = []agentConfig{{Name: "local", Token: "secret", Tiers: []string{"l1"}}, {Name: "bot", TokenSHA256: sha256Hex("b")}}
	if err := c.validate(); err != nil {
		t.Fatal(err)
	}
	agents := c.serverAgents(slog.New(slog.NewTextHandler(&logs, nil)))
	if agents[0].TokenSHA256 != sha256Hex("secret") || agents[1].TokenSHA256 != sha256Hex("b") || agents[0].Tiers[0] != "l1" {
		t.Errorf("agents %+v", agents)
	}
	if !strings.Contains(logs.String(), "plain text") || strings.Contains(logs.String(), "secret") {
		t.Errorf("want one warning that does not print the token, got %q", logs.String())
	}
	for _, bad := range [][]agentConfig{
		{{Name: "both", Token: "a", TokenSHA256: sha256Hex("a")}},
		{{Name: "neither"}},
		{{Token: "no name"}},
	} {
		c.Agents = bad
		if err := c.validate(); err == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
}
