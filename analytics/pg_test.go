package analytics_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// pgServer is a throwaway PostgreSQL instance in a temp dir, started once
// for the package's tests and stopped by PID in TestMain.
type pgServer struct {
	dir  string
	port int
	pid  int
	dbs  atomic.Int64
}

var (
	pgOnce    sync.Once
	pgRunning *pgServer
	pgErr     error
)

// postgres returns the running test server, starting it on first use. The
// test is skipped when PostgreSQL is not installed, except under CI=true,
// where the PostgreSQL suite must run.
func postgres(t *testing.T) *pgServer {
	t.Helper()
	pgOnce.Do(func() { pgRunning, pgErr = startPostgres() })
	if pgErr != nil {
		if os.Getenv("CI") == "true" || !errors.Is(pgErr, errNoPostgres) {
			t.Fatalf("PostgreSQL test server: %v", pgErr)
		}
		t.Skipf("PostgreSQL test server: %v (make test installs it)", pgErr)
	}
	return pgRunning
}

var errNoPostgres = errors.New("initdb not found under /usr/lib/postgresql/*/bin or on PATH")

// pgBin finds the directory of initdb and pg_ctl, newest version first.
func pgBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errNoPostgres
}

func pgVersion(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// asPostgresUser runs a command directly, or as the postgres user when we
// are root, since initdb and the server refuse to run as root.
func asPostgresUser(bin string, args ...string) *exec.Cmd {
	if os.Geteuid() != 0 {
		return exec.Command(bin, args...)
	}
	return exec.Command("runuser", append([]string{"-u", "postgres", "--", bin}, args...)...)
}

func startPostgres() (*pgServer, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "spravka-pg-")
	if err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	// C locale: the same byte order of strings as SQLite, so both stores
	// break ties in reports the same way.
	if out, err := asPostgresUser(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--no-locale", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", port, dir)
	if out, err := asPostgresUser(filepath.Join(bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "server.log"),
		"-w", "-t", "60", "-o", opts, "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return nil, fmt.Errorf("postmaster.pid: %w", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		return nil, fmt.Errorf("postmaster.pid: %w", err)
	}
	return &pgServer{dir: dir, port: port, pid: pid}, nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// newDatabase creates an empty database for one test and returns its DSN.
func (p *pgServer) newDatabase(t *testing.T) string {
	t.Helper()
	db, err := sql.Open("pgx", p.dsn("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("test_%d", p.dbs.Add(1))
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	return p.dsn(name)
}

func (p *pgServer) dsn(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", p.port, db)
}

// stop shuts the server down by PID (SIGINT is PostgreSQL's fast shutdown)
// and removes its directory.
func (p *pgServer) stop() {
	if err := syscall.Kill(p.pid, syscall.SIGINT); err == nil {
		for i := 0; i < 300 && syscall.Kill(p.pid, 0) == nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}
	os.RemoveAll(p.dir)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pgRunning != nil {
		pgRunning.stop()
	}
	os.Exit(code)
}
