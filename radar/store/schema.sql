-- Teknologiradar database schema. The seed CSV files in data/ have the same
-- tables and columns; radar/seed.py validates them before anything is written.

CREATE TABLE areas (
    id       VARCHAR PRIMARY KEY,
    position INTEGER NOT NULL,
    name_da  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL
);

-- Cut-offs are data: a ring takes every technology whose combined score is at
-- least min_score and below the next inner ring's min_score.
CREATE TABLE rings (
    id             VARCHAR PRIMARY KEY,
    position       INTEGER NOT NULL,  -- 1 = innermost
    min_score      DOUBLE NOT NULL CHECK (min_score >= 0 AND min_score <= 1),
    name_da        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL
);

CREATE TABLE sectors (
    id             VARCHAR PRIMARY KEY,
    position       INTEGER NOT NULL,
    name_da        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL
);

-- A draft edition is being prepared by the editors and is shown to nobody else;
-- ``published`` is its (planned) publication date.
CREATE TABLE editions (
    year      INTEGER PRIMARY KEY,
    published DATE NOT NULL,
    title_da  VARCHAR NOT NULL,
    title_en  VARCHAR NOT NULL,
    status    VARCHAR NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'))
);

CREATE TABLE technologies (
    id             VARCHAR PRIMARY KEY,
    -- A sectors id, checked by the seed, the editors' forms and the importer.
    -- No foreign key: DuckDB updates an indexed column as delete and insert,
    -- so a technology with assessments could not change category in one
    -- transaction.
    sector         VARCHAR NOT NULL,
    name_da        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    summary_da     VARCHAR NOT NULL,
    summary_en     VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL,
    -- A retired technology keeps its history but is not carried into new editions.
    retired        BOOLEAN NOT NULL DEFAULT false
);

-- One technology in one area in one edition. Maturity on the TRL scale and the
-- survey shares (percent of municipalities, summing to 100). A radar imported
-- from another tool has rings but no scores: then all five score columns are
-- empty and the ring is stated in ring_override, with where it came from as
-- the reason.
CREATE TABLE assessments (
    edition               INTEGER NOT NULL REFERENCES editions (year),
    area                  VARCHAR NOT NULL REFERENCES areas (id),
    technology            VARCHAR NOT NULL REFERENCES technologies (id),
    maturity_trl          INTEGER CHECK (maturity_trl BETWEEN 1 AND 9),
    share_operation       INTEGER CHECK (share_operation BETWEEN 0 AND 100),
    share_pilot           INTEGER CHECK (share_pilot BETWEEN 0 AND 100),
    share_considering     INTEGER CHECK (share_considering BETWEEN 0 AND 100),
    share_not_considering INTEGER CHECK (share_not_considering BETWEEN 0 AND 100),
    ring_override         VARCHAR REFERENCES rings (id),
    override_reason       VARCHAR,
    PRIMARY KEY (edition, area, technology),
    CHECK (
        (maturity_trl IS NOT NULL AND share_operation IS NOT NULL AND share_pilot IS NOT NULL
         AND share_considering IS NOT NULL AND share_not_considering IS NOT NULL
         AND share_operation + share_pilot + share_considering + share_not_considering = 100)
        OR (maturity_trl IS NULL AND share_operation IS NULL AND share_pilot IS NULL
            AND share_considering IS NULL AND share_not_considering IS NULL
            AND ring_override IS NOT NULL)
    ),
    -- An override is only valid with the reason stored beside it.
    CHECK (ring_override IS NULL OR length(trim(override_reason)) > 0)
);

CREATE TABLE cases (
    id           VARCHAR PRIMARY KEY,
    technology   VARCHAR NOT NULL REFERENCES technologies (id),
    area         VARCHAR NOT NULL REFERENCES areas (id),
    municipality VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    title_da     VARCHAR NOT NULL,
    title_en     VARCHAR NOT NULL,
    text_da      VARCHAR NOT NULL,
    text_en      VARCHAR NOT NULL,
    source_url   VARCHAR
);

-- Every change made by an editor or an import: one row per changed field (or
-- one per added or removed record, with the whole record as JSON).
CREATE TABLE audit_log (
    id         VARCHAR PRIMARY KEY,           -- random, so restores keep it
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    editor     VARCHAR NOT NULL,
    action     VARCHAR NOT NULL CHECK (action IN ('add', 'change', 'retire', 'remove', 'publish')),
    entity     VARCHAR NOT NULL CHECK (entity IN ('technology', 'assessment', 'case', 'edition')),
    record_key VARCHAR NOT NULL,              -- e.g. '2024/social-og-sundhed/aula'
    technology VARCHAR,                       -- for the technology page's log
    edition    INTEGER,                       -- changes to a draft stay with the editors
    field      VARCHAR,                       -- NULL when the whole record is added or removed
    old_value  VARCHAR,
    new_value  VARCHAR,
    reason     VARCHAR NOT NULL
);

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
