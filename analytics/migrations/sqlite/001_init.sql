-- Times are Unix milliseconds (ts) and the UTC date (day), so that the same
-- report queries run on SQLite and PostgreSQL.
CREATE TABLE searches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ts          BIGINT NOT NULL,
    day         TEXT NOT NULL,
    source      TEXT NOT NULL,
    agent       TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL,
    query       TEXT NOT NULL,
    total       INTEGER NOT NULL,
    correction  TEXT NOT NULL DEFAULT '',
    fallback    BOOLEAN NOT NULL DEFAULT FALSE,
    top_article TEXT NOT NULL DEFAULT '',
    top_lang    TEXT NOT NULL DEFAULT '',
    took_ms     DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX searches_ts ON searches (ts);
CREATE INDEX searches_query ON searches (query, lang);

CREATE TABLE clicks (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    ts           BIGINT NOT NULL,
    day          TEXT NOT NULL,
    lang         TEXT NOT NULL,
    query        TEXT NOT NULL,
    target       TEXT NOT NULL,
    rank         INTEGER NOT NULL,
    article_id   TEXT NOT NULL DEFAULT '',
    article_lang TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clicks_ts ON clicks (ts);
CREATE INDEX clicks_query ON clicks (query, lang);

CREATE TABLE votes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ts         BIGINT NOT NULL,
    day        TEXT NOT NULL,
    article_id TEXT NOT NULL,
    lang       TEXT NOT NULL,
    visitor    TEXT NOT NULL,
    helpful    BOOLEAN NOT NULL,
    comment    TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, lang, day, visitor)
);
CREATE INDEX votes_ts ON votes (ts);

CREATE TABLE suggest_requests (
    request_id    TEXT PRIMARY KEY,
    ts            BIGINT NOT NULL,
    day           TEXT NOT NULL,
    agent         TEXT NOT NULL,
    lang          TEXT NOT NULL,
    detected_lang TEXT NOT NULL DEFAULT '',
    took_ms       DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX suggest_requests_ts ON suggest_requests (ts);

CREATE TABLE suggest_hits (
    request_id TEXT NOT NULL,
    rank       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    ts         BIGINT NOT NULL,
    PRIMARY KEY (request_id, rank)
);
CREATE INDEX suggest_hits_ts ON suggest_hits (ts);

CREATE TABLE suggest_feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ts         BIGINT NOT NULL,
    day        TEXT NOT NULL,
    request_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    agent      TEXT NOT NULL,
    useful     BOOLEAN NOT NULL,
    UNIQUE (request_id, article_id)
);
CREATE INDEX suggest_feedback_ts ON suggest_feedback (ts);
