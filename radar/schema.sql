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

CREATE TABLE editions (
    year      INTEGER PRIMARY KEY,
    published DATE NOT NULL,
    title_da  VARCHAR NOT NULL,
    title_en  VARCHAR NOT NULL
);

CREATE TABLE technologies (
    id             VARCHAR PRIMARY KEY,
    sector         VARCHAR NOT NULL REFERENCES sectors (id),
    name_da        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    summary_da     VARCHAR NOT NULL,
    summary_en     VARCHAR NOT NULL,
    description_da VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL
);

-- One technology in one area in one edition. Maturity on the TRL scale and the
-- survey shares (percent of municipalities, summing to 100).
CREATE TABLE assessments (
    edition               INTEGER NOT NULL REFERENCES editions (year),
    area                  VARCHAR NOT NULL REFERENCES areas (id),
    technology            VARCHAR NOT NULL REFERENCES technologies (id),
    maturity_trl          INTEGER NOT NULL CHECK (maturity_trl BETWEEN 1 AND 9),
    share_operation       INTEGER NOT NULL CHECK (share_operation BETWEEN 0 AND 100),
    share_pilot           INTEGER NOT NULL CHECK (share_pilot BETWEEN 0 AND 100),
    share_considering     INTEGER NOT NULL CHECK (share_considering BETWEEN 0 AND 100),
    share_not_considering INTEGER NOT NULL CHECK (share_not_considering BETWEEN 0 AND 100),
    ring_override         VARCHAR REFERENCES rings (id),
    override_reason       VARCHAR,
    PRIMARY KEY (edition, area, technology),
    CHECK (share_operation + share_pilot + share_considering + share_not_considering = 100),
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

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
