package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/indexer"
)

// config is everything the commands can be told. Precedence: flags, then
// SPRAVKA_* environment variables, then the config file, then defaults.
type config struct {
	Content     string `yaml:"content"`      // content folder; empty = the embedded sample
	Addr        string `yaml:"addr"`         // listen address
	Data        string `yaml:"data"`         // data dir (index cache)
	DefaultLang string `yaml:"default_lang"` // language when nothing else says
	Theme       string `yaml:"theme"`        // theme override folder
	SiteName    string `yaml:"site_name"`
	BaseURL     string `yaml:"base_url"`
	LogLevel    string `yaml:"log_level"` // debug, info, warn, error
	// UnsafeHTML renders raw HTML written in Markdown; the indexer sanitises
	// it with bluemonday. Off by default: goldmark then escapes it.
	UnsafeHTML bool `yaml:"unsafe_html"`
	// Agents and bots of the agent API, the admin token and the per-token
	// rate limit (see token.go).
	Agents           []agentConfig   `yaml:"agents"`
	AdminTokenSHA256 string          `yaml:"admin_token_sha256"`
	RateLimit        rateLimitConfig `yaml:"rate_limit"`
	// ClientRateLimit limits anonymous API calls and searches per client
	// address (see ratelimit.go).
	ClientRateLimit clientRateLimitConfig `yaml:"client_rate_limit"`

	// Analytics (see analytics/): AnalyticsDSN is a postgres:// URL for
	// replicas sharing one store, empty = SQLite in the data dir; events
	// older than AnalyticsRetentionDays (0 = 180) are purged daily;
	// AnalyticsSalt keys visitor hashes, empty = generated in the data dir.
	AnalyticsDSN           string `yaml:"analytics_dsn"`
	AnalyticsRetentionDays int    `yaml:"analytics_retention_days"`
	AnalyticsSalt          string `yaml:"analytics_salt"`
	// Watch keeps serving the content folder as files change (see
	// indexer.Watcher); ReconcileInterval is how often a full rescan
	// double-checks it (default 5m; 0 or negative disables it).
	Watch             bool          `yaml:"watch"`
	ReconcileInterval time.Duration `yaml:"reconcile_interval"`
}

func defaults() config {
	c := config{Addr: "127.0.0.1:8080", Data: ".spravka", DefaultLang: "en", SiteName: "Help Center", LogLevel: "info",
		Watch: true, ReconcileInterval: indexer.DefaultReconcile, ClientRateLimit: defaultClientRateLimit()}
	if st, err := os.Stat("content"); err == nil && st.IsDir() {
		c.Content = "content"
	}
	return c
}

// settings binds the common flags of a command to a config being built.
type settings struct {
	fs       *flag.FlagSet
	cfgFile  string
	flagVals config
}

func newSettings(fs *flag.FlagSet, names ...string) *settings {
	s := &settings{fs: fs}
	fs.StringVar(&s.cfgFile, "config", "", "YAML config file (env SPRAVKA_CONFIG)")
	for _, n := range names {
		switch n {
		case "content":
			fs.StringVar(&s.flagVals.Content, "content", "", "content folder (default ./content, else the embedded sample)")
		case "data":
			fs.StringVar(&s.flagVals.Data, "data", "", "data dir for the index cache (default ./.spravka)")
		case "addr":
			fs.StringVar(&s.flagVals.Addr, "addr", "", "listen address (default 127.0.0.1:8080)")
		case "theme":
			fs.StringVar(&s.flagVals.Theme, "theme", "", "theme override folder")
		case "analytics":
			fs.StringVar(&s.flagVals.AnalyticsDSN, "analytics-dsn", "", "analytics store: postgres://… (default SQLite in the data dir)")
		case "lang":
			fs.StringVar(&s.flagVals.DefaultLang, "default-lang", "", "default language: ru, uk, bg or en (default en)")
		}
	}
	fs.StringVar(&s.flagVals.LogLevel, "log-level", "", "log level: debug, info, warn, error")
	return s
}

// configFile is the config file named by --config or SPRAVKA_CONFIG, or "".
func (s *settings) configFile() string {
	if s.cfgFile != "" {
		return s.cfgFile
	}
	return os.Getenv("SPRAVKA_CONFIG")
}

// resolve merges defaults, file, environment and the flags that were set.
// It only reads, so serve calls it again to reload the file.
func (s *settings) resolve() (config, error) {
	c := defaults()
	if file := s.configFile(); file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil {
			return c, fmt.Errorf("config %s: %w", file, err)
		}
	}
	env := map[string]*string{"CONTENT": &c.Content, "ADDR": &c.Addr, "DATA": &c.Data, "DEFAULT_LANG": &c.DefaultLang,
		"THEME": &c.Theme, "SITE_NAME": &c.SiteName, "BASE_URL": &c.BaseURL, "LOG_LEVEL": &c.LogLevel}
	for k, p := range env {
		if v, ok := os.LookupEnv("SPRAVKA_" + k); ok {
			*p = v
		}
	}
	if err := c.analyticsEnv(); err != nil {
		return c, err
	}
	set := map[string]bool{}
	s.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	pick := func(name string, dst *string, v string) {
		if set[name] {
			*dst = v
		}
	}
	pick("content", &c.Content, s.flagVals.Content)
	pick("data", &c.Data, s.flagVals.Data)
	pick("addr", &c.Addr, s.flagVals.Addr)
	pick("theme", &c.Theme, s.flagVals.Theme)
	pick("default-lang", &c.DefaultLang, s.flagVals.DefaultLang)
	pick("log-level", &c.LogLevel, s.flagVals.LogLevel)
	pick("analytics-dsn", &c.AnalyticsDSN, s.flagVals.AnalyticsDSN)
	return c, c.validate()
}

func (c config) validate() error {
	if !spravka.IsLanguage(c.DefaultLang) {
		return fmt.Errorf("config: default_lang %q is not one of %s", c.DefaultLang, strings.Join(spravka.Languages, ", "))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("config: log_level %q is not one of debug, info, warn, error", c.LogLevel)
	}
	if c.Data == "" {
		return fmt.Errorf("config: data dir must not be empty")
	}
	if err := c.validateClientRateLimit(); err != nil {
		return err
	}
	return c.validateAgents()
}
