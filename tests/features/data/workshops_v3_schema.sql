-- The workshop database's third schema (version 3), as files made before comment moderation,
-- dot voting and consequence ratings have it: tests migrate such files.
CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS workshops (
    id            VARCHAR PRIMARY KEY,
    code          VARCHAR NOT NULL UNIQUE,
    title         VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    area          VARCHAR NOT NULL,
    area_name_da  VARCHAR NOT NULL,
    area_name_en  VARCHAR NOT NULL,
    edition       INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,  -- UTC, as all times here
    closes_at     TIMESTAMP,
    closed_at     TIMESTAMP,
    -- What the projector's link holds: it shows the workshop, it controls nothing.
    projector_key VARCHAR NOT NULL UNIQUE,
    -- Who created it (their sign-in name and how they signed in); NULL: made
    -- before workshops had owners, or on the command line. Only editors run those.
    created_by    VARCHAR,
    created_via   VARCHAR,
    -- Whether the projector shows the group's answers or only how many there
    -- are; the facilitator's own view shows them either way.
    results_visible BOOLEAN NOT NULL DEFAULT true
);

-- The radar's rings when the workshop was created: answers are checked against these.
CREATE TABLE IF NOT EXISTS workshop_rings (
    workshop_id VARCHAR NOT NULL,
    ring        VARCHAR NOT NULL,
    position    INTEGER NOT NULL,  -- 1 = innermost
    name_da     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    PRIMARY KEY (workshop_id, ring)
);

CREATE TABLE IF NOT EXISTS workshop_technologies (
    workshop_id   VARCHAR NOT NULL,
    technology    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    name_da       VARCHAR NOT NULL,
    name_en       VARCHAR NOT NULL,
    sector        VARCHAR NOT NULL,
    official_ring VARCHAR,  -- NULL: not on the area's radar in the edition
    PRIMARY KEY (workshop_id, technology)
);

-- Anonymous: no name, no address, no browser. The token is the participant's
-- browser session's secret while the workshop is open; closing drops it.
CREATE TABLE IF NOT EXISTS participants (
    id          VARCHAR PRIMARY KEY,
    workshop_id VARCHAR NOT NULL,
    token       VARCHAR UNIQUE,
    joined_at   TIMESTAMP NOT NULL
);

-- One answer per participant per technology; answering again replaces it.
CREATE TABLE IF NOT EXISTS answers (
    workshop_id        VARCHAR NOT NULL,
    participant_id     VARCHAR NOT NULL,
    technology         VARCHAR NOT NULL,
    ring               VARCHAR NOT NULL,
    phase              VARCHAR CHECK (phase IS NULL OR phase IN ('ideas', 'impact', 'procurement', 'operation')),
    answer_core        VARCHAR CHECK (length(answer_core) <= 500),
    answer_work        VARCHAR CHECK (length(answer_work) <= 500),
    answer_skills      VARCHAR CHECK (length(answer_skills) <= 500),
    answer_involvement VARCHAR CHECK (length(answer_involvement) <= 500),
    updated_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology)
);

-- A group's consensus. Seen in its workshop's facilitator view; on the radar
-- page for every viewer only once an editor has published it.
CREATE TABLE IF NOT EXISTS local_editions (
    id           VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    area         VARCHAR NOT NULL,
    edition      INTEGER NOT NULL,
    workshop_id  VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    published    BOOLEAN NOT NULL DEFAULT false,
    published_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS local_placements (
    local_edition_id VARCHAR NOT NULL,
    technology       VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    name_da          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    sector           VARCHAR NOT NULL,
    ring             VARCHAR NOT NULL,
    official_ring    VARCHAR,
    agreement        DOUBLE NOT NULL CHECK (agreement > 0 AND agreement <= 1),
    answers          INTEGER NOT NULL CHECK (answers > 0),
    PRIMARY KEY (local_edition_id, technology)
);
