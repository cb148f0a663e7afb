// Command spravka is a self-hosted help center and answer-search engine:
// it indexes a folder of Markdown articles and serves a public site, a JSON
// API and a suggest-an-answer API for support agents.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand.
type command struct {
	name  string
	usage string
	run   func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the help center, the API and the agent page", runServe},
		{"index", "index the content folder and report problems", runIndex},
		{"search", "search from the command line", runSearch},
		{"eval", "measure search quality on a judged query set", runEval},
		{"eval-suggest", "measure suggest on a set of customer messages with known answers", runEvalSuggest},
		{"train", "learn the ranker from judged sets: train --out search/ranker.json, or --cv for the left-out table", runTrain},
		{"report", "analytics: what customers search for and do not find: report --since 30d --lang uk", runReport},
		{"check", "lint the content folder: links, anchors, front matter, translations", runCheck},
		{"new", `create an article: new "Title" --lang ru --category billing`, runNew},
		{"token", "make an agent or admin token: token new --name X --tiers l1", runToken},
		{"version", "print the version", runVersion},
	}
}

// errExit carries an exit code without printing anything more.
type errExit int

func (e errExit) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	var code errExit
	switch {
	case err == nil:
	case errors.As(err, &code):
		os.Exit(int(code))
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	default:
		fmt.Fprintln(os.Stderr, "spravka:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errExit(2)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: spravka <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'spravka <command> --help' for the flags of a command.")
}

func runVersion(_ context.Context, _ []string, stdout, _ io.Writer) error {
	fmt.Fprintln(stdout, "spravka", version)
	return nil
}

// newFlagSet makes a flag set that prints its usage to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: spravka %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
