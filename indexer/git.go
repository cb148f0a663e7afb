package indexer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// FileHistory is what git knows about one content file.
type FileHistory struct {
	Created time.Time // author date of the oldest commit that touched the file
	Updated time.Time // author date of the newest one
	Author  string    // author of the newest one
}

// gitInfo is the history of a content folder and the files whose working
// copy differs from it.
type gitInfo struct {
	files map[string]FileHistory // slash path relative to the content folder
	dirty map[string]bool        // modified, added or untracked: git's dates are not theirs
}

// readGit reads the history of the files under dir with one `git log` pass
// (a call per file would take minutes on a large help center, and go-git
// walks history far slower than git itself). paths limits the walk to some
// files; none means all. A folder that is not in a git work tree, or a
// machine without git, gives an empty history and no error: dates then
// come from the front matter or the file's modification time.
func readGit(ctx context.Context, dir string, paths []string) (*gitInfo, error) {
	info := &gitInfo{files: map[string]FileHistory{}, dirty: map[string]bool{}}
	out, err := git(ctx, dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix", "--git-path", "shallow")
	if err != nil {
		return info, nil // not a repository (or no git): nothing to add
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 3 || lines[0] != "true" {
		return info, nil
	}
	prefix := ""
	shallowFile := lines[len(lines)-1]
	if len(lines) == 4 {
		prefix = lines[2]
	}
	boundary := map[string]bool{}
	if lines[1] == "true" {
		boundary = readShallow(dir, shallowFile)
	}
	args := []string{"-c", "core.quotepath=off", "log", "-z", "--name-only", "--relative",
		"--format=%x1e%H%x1f%aI%x1f%an", "--"}
	if len(paths) == 0 {
		args = append(args, ".")
	} else {
		args = append(args, paths...)
	}
	log, err := git(ctx, dir, args...)
	if err != nil {
		if isEmptyRepo(err) {
			log = nil
		} else {
			return nil, fmt.Errorf("git log: %w", err)
		}
	}
	parseGitLog(log, boundary, info.files)
	status, err := git(ctx, dir, "-c", "core.quotepath=off", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
	if err != nil {
		return nil, fmt.Errorf("git status: %w", err)
	}
	parseGitStatus(status, prefix, info.dirty)
	return info, nil
}

// parseGitLog reads records of "\x1e hash \x1f date \x1f author \0 \n
// path \0 path \0 …", newest commit first.
func parseGitLog(out []byte, boundary map[string]bool, files map[string]FileHistory) {
	seenOnBoundary := map[string]bool{}
	for _, rec := range bytes.Split(out, []byte{0x1e}) {
		head, rest, ok := bytes.Cut(rec, []byte{0})
		if !ok {
			continue
		}
		fields := strings.Split(string(head), "\x1f")
		if len(fields) != 3 {
			continue
		}
		when, err := time.Parse(time.RFC3339, fields[1])
		if err != nil {
			continue
		}
		onBoundary := boundary[fields[0]]
		for _, name := range bytes.Split(bytes.TrimLeft(rest, "\n"), []byte{0}) {
			if len(name) == 0 {
				continue
			}
			p := string(name)
			h, seen := files[p]
			if !seen {
				// The newest commit. On the boundary of a shallow clone it
				// lists every file as added, which says nothing about when.
				if !onBoundary {
					h.Updated, h.Author = when, fields[2]
				}
			}
			h.Created = when
			seenOnBoundary[p] = onBoundary
			files[p] = h
		}
	}
	for p, onBoundary := range seenOnBoundary {
		if onBoundary { // the real first commit is cut off
			h := files[p]
			h.Created = time.Time{}
			files[p] = h
		}
	}
}

// parseGitStatus reads `git status --porcelain -z`, whose paths are
// relative to the repository root, into paths relative to the content
// folder at prefix.
func parseGitStatus(out []byte, prefix string, dirty map[string]bool) {
	entries := bytes.Split(out, []byte{0})
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if len(e) < 4 {
			continue
		}
		xy, p := string(e[:2]), string(e[3:])
		if xy[0] == 'R' || xy[0] == 'C' {
			i++ // the next entry is the old name
		}
		if rel, ok := strings.CutPrefix(p, prefix); ok {
			dirty[rel] = true
		}
	}
}

func readShallow(dir, file string) map[string]bool {
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	out := map[string]bool{}
	f, err := os.Open(file)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out[strings.TrimSpace(sc.Text())] = true
	}
	return out
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// isEmptyRepo recognises `git log` in a repository without commits.
func isEmptyRepo(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && strings.Contains(err.Error(), "does not have any commits")
}
