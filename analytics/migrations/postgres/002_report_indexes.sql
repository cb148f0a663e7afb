-- Covering indexes for reports: the period scans read the index alone
-- instead of looking up every row of the table.
CREATE INDEX searches_report ON searches (ts, lang, source, total, day, query);
CREATE INDEX searches_gaps ON searches (ts, lang, top_article, top_lang, query) WHERE fallback;
