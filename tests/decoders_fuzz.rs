//! Structure-aware fuzzing of every decoder that reads data from outside: share links,
//! import files and the app's own stored data. Each case is a valid JSON envelope (or
//! share wrapper) with hostile values in its fields: wrong types, out-of-range numbers,
//! line breaks and markup in ids, huge strings, impossible dates, thousands of steps.
//!
//! For each decoder, 10,000 cases from a seeded generator (the same cases every run, so
//! a failure can be repeated from the case number it prints) must give no panic, either
//! sound data or an error a person can read, and no change to stored data.

// Native only: the generator and the store run natively.
#![cfg(not(target_arch = "wasm32"))]

use foothold::plan::{
    data_problems, plan_problems, AppData, Timestamp, MAX_PLANS, MAX_STEPS_PER_PLAN,
};
use foothold::share::{apply, parse_import, read_share_fragment, ImportMode};
use foothold::store::{
    encode, KeyValueStore, Loaded, MemoryStore, Store, BACKUPS_KEY, DATA_KEY, QUARANTINE_PREFIX,
};
use serde_json::{json, Map, Value};

/// Cases per decoder.
const CASES: u64 = 10_000;
const VERSION: &str = "2026.11.0";

/// A small, fast, seeded generator (SplitMix64): the cases are the same on every run.
/// `hostility` is how often, one time in so many, a field gets a hostile value; each
/// case picks its own, so some cases are wholly sound and others full of attacks.
struct Cases(u64, u64);

impl Cases {
    fn new(seed: u64) -> Cases {
        Cases(seed, 1)
    }

    /// Starts a case with a hostility of its own.
    fn start_case(&mut self) {
        self.1 = *self.pick(&[u64::MAX, 8, 30, 100]);
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Text people or attackers might put anywhere.
    fn hostile_text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "",
            " ",
            "a",
            "p-1",
            "\n",
            "\r\n",
            "\r\nATTACH:https://evil.example/x",
            "\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
            ";",
            ",",
            "\\",
            ":",
            "\"",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "#//",
            "%zz",
            "é",
            "漢",
            "😀",
            "\u{0}",
            "\u{7}",
            "\u{202e}",
            "\u{feff}",
            "\u{200b}",
            "registered-nurse",
            "digital-nurse",
            "2026-02-30",
            "1e309",
        ];
        let mut text = String::new();
        for _ in 0..self.below(6) {
            let piece: &&str = self.pick(PIECES);
            text.push_str(piece);
        }
        if self.one_in(300) {
            let n = *self.pick(&[81, 2_001, 5_001, 20_000]);
            text.push_str(&"x".repeat(n));
        }
        text
    }

    fn hostile_number(&mut self) -> Value {
        match self.below(10) {
            0 => json!(0),
            1 => json!(-1),
            2 => json!(255),
            3 => json!(256),
            4 => json!(u64::MAX),
            5 => json!(i64::MIN),
            6 => json!(1.5),
            7 => json!(1e300),
            8 => json!(self.below(200)),
            _ => json!(-0.0),
        }
    }

    /// Any JSON value, nested a little.
    fn hostile_value(&mut self, depth: u32) -> Value {
        match self.below(if depth == 0 { 4 } else { 6 }) {
            0 => Value::Null,
            1 => json!(self.one_in(2)),
            2 => self.hostile_number(),
            3 => json!(self.hostile_text()),
            4 => Value::Array(
                (0..self.below(3))
                    .map(|_| self.hostile_value(depth - 1))
                    .collect(),
            ),
            _ => {
                let mut object = Map::new();
                for _ in 0..self.below(3) {
                    object.insert(self.hostile_text(), self.hostile_value(depth - 1));
                }
                Value::Object(object)
            }
        }
    }

    /// Mostly a sound value; as often as the case's hostility says, a hostile one or
    /// none at all (`None`).
    fn field(&mut self, sound: Value) -> Option<Value> {
        if !self.one_in(self.1) {
            return Some(sound);
        }
        match self.below(3) {
            0 => None,
            1 => Some(self.hostile_value(2)),
            _ => Some(json!(self.hostile_text())),
        }
    }

    fn date(&mut self) -> Value {
        let year = 1990 + self.below(120);
        let month = 1 + self.below(12);
        let day = 1 + self.below(28);
        json!(format!("{year:04}-{month:02}-{day:02}"))
    }

    fn role(&mut self) -> Value {
        json!(*self.pick(&[
            "registered-nurse",
            "digital-nurse",
            "chief-nursing-information-officer",
            "administrator",
            "data-analyst",
        ]))
    }

    fn object(&mut self, fields: Vec<(&str, Value)>) -> Value {
        let mut object = Map::new();
        for (name, sound) in fields {
            if let Some(value) = self.field(sound) {
                object.insert(name.to_owned(), value);
            }
        }
        Value::Object(object)
    }

    fn plan(&mut self) -> Value {
        let start = self.role();
        let mut from = start.clone();
        let count = if self.one_in(300) {
            MAX_STEPS_PER_PLAN as u64 + 1 + self.below(500)
        } else {
            self.below(5)
        };
        let mut steps = Vec::new();
        for _ in 0..count {
            let to = self.role();
            let date = self.date();
            let notes = self.hostile_text();
            let step = self.object(vec![
                ("from", from.clone()),
                ("to", to.clone()),
                ("status", json!("in-progress")),
                ("target_date", date),
                ("notes", json!(notes)),
            ]);
            steps.push(step);
            from = to;
        }
        let id = if self.one_in(4) {
            json!(self.hostile_text())
        } else {
            json!(format!("p-{}-abc", self.below(1_000_000)))
        };
        let name = format!("Plan {}", self.hostile_text()).trim().to_owned();
        let created = self.date();
        self.object(vec![
            ("id", id),
            ("name", json!(name)),
            ("created", created),
            ("start", start),
            ("target", from),
            ("objective", json!("shortest-time")),
            ("steps", Value::Array(steps)),
            ("data_version", json!(VERSION)),
        ])
    }

    fn data(&mut self) -> Value {
        let plans = if self.one_in(2_000) {
            MAX_PLANS + 1
        } else {
            self.below(4) as usize
        };
        let plans: Vec<Value> = (0..plans).map(|_| self.plan()).collect();
        let pace = match self.below(5) {
            0 => json!("full-time"),
            4 => json!("full-time-on-it"),
            1 => json!({ "part-time": self.hostile_number() }),
            _ => json!({ "part-time": 10 + self.below(91) }),
        };
        let evidence: Vec<Value> = (0..self.below(3))
            .map(|n| {
                let what = self.hostile_text();
                let when = self.date();
                self.object(vec![
                    ("id", json!(format!("e-{n}-abc"))),
                    ("competency", json!("clinical-governance")),
                    ("what", json!(format!("Did {what}"))),
                    ("when", when),
                ])
            })
            .collect();
        let last_screen = format!("/{}", self.hostile_text());
        self.object(vec![
            ("plans", Value::Array(plans)),
            (
                "assessment",
                json!({ "held": ["clinical-governance"], "completed": [] }),
            ),
            ("evidence", Value::Array(evidence)),
            ("pace", pace),
            ("last_screen", json!(last_screen)),
            ("last_export", json!("2026-11-25T09:30:00Z")),
        ])
    }

    /// A whole envelope, in schema 2 or (sometimes) schema 1.
    fn envelope(&mut self, kind: &str) -> String {
        self.start_case();
        let schema_one = self.one_in(5);
        let data = if schema_one {
            let plan = self.plan();
            let mut plan = plan;
            // Schema 1 kept the roles as a list.
            if let Value::Object(object) = &mut plan {
                let roles = vec![self.role(), self.role(), self.role()];
                object.insert("steps".to_owned(), Value::Array(roles));
                object.insert("reached".to_owned(), self.hostile_number());
                object.insert("notes".to_owned(), json!(self.hostile_text()));
            }
            json!({ "plan": plan, "held": ["clinical-governance"] })
        } else {
            self.data()
        };
        let saved_at = json!("2026-11-25T09:30:00Z");
        let generation = json!(self.below(10));
        let envelope = self.object(vec![
            ("app", json!("foothold")),
            ("schema", json!(if schema_one { 1 } else { 2 })),
            ("kind", json!(kind)),
            ("scope", json!("everything")),
            ("data_version", json!(VERSION)),
            ("saved_at", saved_at),
            ("generation", generation),
            ("data", data),
        ]);
        serde_json::to_string(&envelope).expect("any JSON value prints")
    }
}

fn now() -> Timestamp {
    "2026-11-26T10:00:00Z".parse().unwrap()
}

/// A message a person can read: present, a sentence, and short enough to take in.
fn assert_clear(message: &str, case: u64) {
    assert!(!message.trim().is_empty(), "case {case}: empty message");
    assert!(
        message.chars().count() <= 700,
        "case {case}: a {}-character message: {}…",
        message.chars().count(),
        message.chars().take(200).collect::<String>()
    );
    assert!(
        message.ends_with('.'),
        "case {case}: not a sentence: {message}"
    );
}

/// Storage as the app would have it: a save and its backup.
fn saved_storage() -> MemoryStore {
    let mut store = Store::new(MemoryStore::new());
    store
        .save(&AppData::default(), VERSION, now())
        .expect("memory storage saves");
    store.storage().clone()
}

fn assert_sound(data: &AppData, case: u64) {
    assert_eq!(data_problems(data), Vec::<String>::new(), "case {case}");
    assert!(data.plans.len() <= MAX_PLANS, "case {case}");
    assert!(data.pace.in_range(), "case {case}");
    for plan in &data.plans {
        assert!(plan.id.is_well_formed(), "case {case}: {:?}", plan.id);
        assert!(plan.steps.len() <= MAX_STEPS_PER_PLAN, "case {case}");
    }
    for entry in &data.evidence {
        assert!(entry.id.is_well_formed(), "case {case}: {:?}", entry.id);
    }
}

#[test]
fn import_files_with_hostile_values_are_refused_clearly_or_come_in_sound() {
    let mut cases = Cases::new(1);
    let mut accepted = 0;
    let saved = saved_storage();
    for case in 0..CASES {
        let file = cases.envelope("export");
        let mut store = Store::new(saved.clone());
        store.load().expect("memory storage");
        let before = store.storage().clone();
        match parse_import(file.as_bytes()) {
            Err(error) => {
                assert_clear(&error.to_string(), case);
                assert_eq!(store.storage(), &before, "case {case}");
            }
            Ok(preview) => {
                accepted += 1;
                assert_sound(&preview.data, case);
                assert_clear(&preview.summary(), case);
                // Nothing changes until the user confirms; confirming saves sound data.
                assert_eq!(store.storage(), &before, "case {case}");
                let merged = apply(&AppData::default(), &preview, ImportMode::AddAsCopies)
                    .expect("an empty store has room");
                assert_sound(&merged, case);
                store.save(&merged, VERSION, now()).expect("saves");
            }
        }
    }
    // The generator makes both kinds, or it is not testing much.
    assert!(
        accepted > CASES / 20 && accepted < CASES - CASES / 20,
        "{accepted} accepted"
    );
}

#[test]
fn share_links_with_hostile_values_are_refused_clearly_or_open_sound() {
    let mut cases = Cases::new(2);
    let mut opened = 0;
    let saved = saved_storage();
    for case in 0..CASES {
        cases.start_case();
        let plan = cases.plan();
        let version = cases.field(json!(1)).unwrap_or(Value::Null);
        let wrapper = json!({ "v": version, "plan": plan });
        let bytes = serde_json::to_vec(&wrapper).expect("any JSON value prints");
        let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 1);
        let link = format!(
            "https://example.org/foothold/#/shared/{}",
            foothold::share::base64url::encode(&packed)
        );
        let storage = saved.clone();
        let before = storage.clone();
        match read_share_fragment(&link) {
            Err(error) => assert_clear(&error.to_string(), case),
            Ok(plan) => {
                opened += 1;
                assert!(plan.id.is_well_formed(), "case {case}: {:?}", plan.id);
                assert!(plan.steps.len() <= MAX_STEPS_PER_PLAN, "case {case}");
                assert_eq!(plan_problems(&plan, 0), Vec::<String>::new(), "case {case}");
            }
        }
        // Opening a link reads it and shows it; it stores nothing.
        assert_eq!(storage, before, "case {case}");
    }
    assert!(
        opened > CASES / 20 && opened < CASES - CASES / 20,
        "{opened} opened"
    );
}

#[test]
fn stored_data_with_hostile_values_loads_or_is_kept_aside_exactly() {
    let mut cases = Cases::new(3);
    let mut found = 0;
    let saved = saved_storage();
    for case in 0..CASES {
        let text = cases.envelope("store");
        let mut storage = saved.clone();
        storage.set(DATA_KEY, &text).expect("memory storage");
        let backups = storage.get(BACKUPS_KEY).expect("memory storage");
        let before = storage.clone();
        let mut store = Store::new(storage);
        match store.load().expect("memory storage never fails") {
            Loaded::Found(_) | Loaded::Newer { .. } => {
                found += 1;
                assert_eq!(store.storage(), &before, "case {case}");
            }
            Loaded::Recovered(recovery) => {
                assert_clear(&recovery.message(), case);
                let kept_as = recovery.kept_as.expect("memory storage has room");
                assert!(kept_as.starts_with(QUARANTINE_PREFIX));
                let storage = store.storage();
                assert_eq!(
                    storage.get(&kept_as).unwrap().as_deref(),
                    Some(text.as_str())
                );
                assert_eq!(storage.get(BACKUPS_KEY).unwrap(), backups, "case {case}");
            }
            Loaded::Empty => panic!("case {case}: the data was there"),
        }
    }
    assert!(
        found > CASES / 20 && found < CASES - CASES / 20,
        "{found} found"
    );
}

#[test]
fn the_generator_also_makes_sound_documents() {
    // A sanity check on the generator itself: the app's own encoding of sound data is
    // among what the decoders above must accept.
    let text = encode(&AppData::default(), VERSION, now());
    assert!(parse_import(text.as_bytes()).is_ok());
}
