//! The planner benchmark in the browser: the same graphs and queries as the native
//! criterion benchmark (`benches/support/subjects.rs`), compiled to wasm with the app's
//! release settings and timed in the page with `performance.now()`.
//!
//! Built only with the `browser-bench` feature, into its own page (`bench.html`,
//! `Trunk.bench.toml`), so none of it ships in the app. The Playwright spec
//! `tests/e2e/planner-bench.spec.ts` calls [`run_planner_benchmark`] and saves the JSON.

#[path = "../../benches/support/subjects.rs"]
mod subjects;

use foothold::graph::bundled_graph;
use foothold::planner::{
    explore, find_routes, Constraints, RouteQuery, SelfAssessment, MAX_ROUTES,
};
use serde::Serialize;
use std::hint::black_box;
use subjects::{
    bundled, credentialed, synthetic, Query, Subject, CREDENTIALED_SIZES, SYNTHETIC_SIZES,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// How long the warm-up runs a query before timing it, in milliseconds.
const WARM_UP_MS: f64 = 100.0;

/// Most answers timed in one sample, so a very fast query still ends.
const MAX_ITERATIONS_PER_SAMPLE: u32 = 100_000;

/// One query's timings, per answer, in milliseconds.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct QueryTimings {
    name: &'static str,
    median_ms: f64,
    p95_ms: f64,
    min_ms: f64,
    samples: usize,
    iterations_per_sample: u32,
}

/// One subject's timings, or why it could not be measured.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SubjectTimings {
    name: String,
    roles: usize,
    transitions: usize,
    best_route: String,
    queries: Vec<QueryTimings>,
}

/// Why the benchmark could not run.
#[derive(Debug, Serialize)]
struct Failure {
    error: String,
}

/// Times every query on one subject and returns the figures as JSON: `{ name, roles,
/// transitions, bestRoute, queries: [{ name, medianMs, p95Ms, minMs, samples,
/// iterationsPerSample }] }`, or `{ error }`.
///
/// `subject` is `"bundled"`, `"synthetic-<roles>"` with roles 1000 or 10000, or
/// `"credentialed-10000"` (the 10,000-role graph with credentials). Each of
/// `samples` samples repeats the query until it has run for at least `min_sample_ms`, so
/// the browser's coarse timer (100 µs steps without cross-origin isolation) stays small
/// against what is measured.
#[wasm_bindgen]
pub fn run_planner_benchmark(subject: &str, samples: u32, min_sample_ms: f64) -> String {
    let json = match measure_subject(subject, samples.max(1), min_sample_ms.max(0.0)) {
        Ok(timings) => serde_json::to_string(&timings),
        Err(error) => serde_json::to_string(&Failure { error }),
    };
    json.unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
}

fn measure_subject(key: &str, samples: u32, min_sample_ms: f64) -> Result<SubjectTimings, String> {
    let performance = web_sys::window()
        .and_then(|window| window.performance())
        .ok_or("this page has no Performance API to time with")?;
    let now = || performance.now();
    let subject = choose_subject(key)?;
    let prepared = subject.prepare();
    let queries = Query::ALL
        .into_iter()
        .map(|query| {
            time_query(&now, samples, min_sample_ms, query.name(), || {
                subject.run(&prepared, query)
            })
        })
        .collect();
    Ok(SubjectTimings {
        name: subject.name.clone(),
        roles: subject.graph.roles().len(),
        transitions: subject.graph.pack().transitions.len(),
        best_route: subject.describe_best_route(&prepared),
        queries,
    })
}

fn choose_subject(key: &str) -> Result<Subject, String> {
    if key == "bundled" {
        return bundled().map_err(|error| error.to_string());
    }
    if let Some(roles) = CREDENTIALED_SIZES
        .into_iter()
        .find(|roles| key == format!("credentialed-{roles}"))
    {
        return Ok(credentialed(roles));
    }
    SYNTHETIC_SIZES
        .into_iter()
        .find(|roles| key == format!("synthetic-{roles}"))
        .map(synthetic)
        .ok_or_else(|| format!("there is no benchmark subject called \"{key}\""))
}

/// Warms a query up, then takes `samples` samples of enough answers each to last
/// `min_sample_ms`, and summarises the time per answer.
fn time_query(
    now: &dyn Fn() -> f64,
    samples: u32,
    min_sample_ms: f64,
    name: &'static str,
    mut answer: impl FnMut() -> usize,
) -> QueryTimings {
    let started = now();
    let mut runs = 0u32;
    while runs == 0 || (now() - started < WARM_UP_MS && runs < MAX_ITERATIONS_PER_SAMPLE) {
        answer();
        runs += 1;
    }
    let per_answer = (now() - started) / f64::from(runs);
    let iterations = iterations_per_sample(per_answer, min_sample_ms);
    let per_answer_ms: Vec<f64> = (0..samples)
        .map(|_| {
            let start = now();
            for _ in 0..iterations {
                answer();
            }
            (now() - start) / f64::from(iterations)
        })
        .collect();
    summarise(name, per_answer_ms, iterations)
}

/// How many answers one sample needs to last at least `min_sample_ms`.
fn iterations_per_sample(per_answer_ms: f64, min_sample_ms: f64) -> u32 {
    if per_answer_ms <= 0.0 || !per_answer_ms.is_finite() {
        return MAX_ITERATIONS_PER_SAMPLE;
    }
    let needed = (min_sample_ms / per_answer_ms).ceil();
    if needed >= f64::from(MAX_ITERATIONS_PER_SAMPLE) {
        MAX_ITERATIONS_PER_SAMPLE
    } else {
        (needed as u32).max(1)
    }
}

/// The median, 95th percentile (nearest rank) and minimum of the samples.
fn summarise(name: &'static str, mut samples: Vec<f64>, iterations: u32) -> QueryTimings {
    samples.sort_by(f64::total_cmp);
    let count = samples.len();
    let at = |rank: usize| samples.get(rank.min(count.saturating_sub(1))).copied();
    let median = match count {
        0 => 0.0,
        _ if count % 2 == 1 => at(count / 2).unwrap_or(0.0),
        _ => (at(count / 2 - 1).unwrap_or(0.0) + at(count / 2).unwrap_or(0.0)) / 2.0,
    };
    // Nearest rank: the smallest sample at or above 95% of them.
    let p95_rank = (count * 95).div_ceil(100).saturating_sub(1);
    QueryTimings {
        name,
        median_ms: median,
        p95_ms: at(p95_rank).unwrap_or(0.0),
        min_ms: at(0).unwrap_or(0.0),
        samples: count,
        iterations_per_sample: iterations,
    }
}

/// The slowest single answer over the whole bundled pack, with what was asked.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SlowestBundled {
    pairs: usize,
    routes_asked: usize,
    slowest_routes_ms: f64,
    slowest_routes_from: String,
    slowest_routes_to: String,
    explore_months: u16,
    slowest_explore_ms: f64,
    slowest_explore_from: String,
}

/// Asks the bundled pack for [`MAX_ROUTES`] routes between every ordered pair of roles,
/// and explores the longest horizon the app offers from every role, each once, and
/// returns the slowest answers as JSON: `{ pairs, routesAsked, slowestRoutesMs,
/// slowestRoutesFrom, slowestRoutesTo, exploreMonths, slowestExploreMs,
/// slowestExploreFrom }`, or `{ error }`. This bounds how long any question a user can
/// put to the app keeps the main thread busy.
#[wasm_bindgen]
pub fn find_slowest_bundled_query() -> String {
    let json = match slowest_bundled() {
        Ok(slowest) => serde_json::to_string(&slowest),
        Err(error) => serde_json::to_string(&Failure { error }),
    };
    json.unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
}

fn slowest_bundled() -> Result<SlowestBundled, String> {
    let performance = web_sys::window()
        .and_then(|window| window.performance())
        .ok_or("this page has no Performance API to time with")?;
    let graph = bundled_graph().map_err(|error| error.to_string())?;
    let none = SelfAssessment::default();
    let constraints = Constraints::default();
    // The app's own limit: ten years ahead.
    let explore_months = 120;
    let mut slowest = SlowestBundled {
        pairs: 0,
        routes_asked: MAX_ROUTES,
        slowest_routes_ms: 0.0,
        slowest_routes_from: String::new(),
        slowest_routes_to: String::new(),
        explore_months,
        slowest_explore_ms: 0.0,
        slowest_explore_from: String::new(),
    };
    for from in graph.roles() {
        let start = performance.now();
        black_box(explore(&graph, &from.id, explore_months, &constraints, &none).is_ok());
        let took = performance.now() - start;
        if took > slowest.slowest_explore_ms {
            slowest.slowest_explore_ms = took;
            slowest.slowest_explore_from = from.id.to_string();
        }
        for to in graph.roles().iter().filter(|to| to.id != from.id) {
            let mut query = RouteQuery::new(from.id.clone(), to.id.clone());
            query.routes = MAX_ROUTES;
            let start = performance.now();
            black_box(find_routes(&graph, &query, &none).is_ok());
            let took = performance.now() - start;
            slowest.pairs += 1;
            if took > slowest.slowest_routes_ms {
                slowest.slowest_routes_ms = took;
                slowest.slowest_routes_from = from.id.to_string();
                slowest.slowest_routes_to = to.id.to_string();
            }
        }
    }
    Ok(slowest)
}

/// Nothing starts on its own: the page calls [`run_planner_benchmark`].
fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_takes_the_middle_sample_and_the_nearest_rank_ninety_fifth() {
        let samples: Vec<f64> = (1..=20).map(f64::from).collect();
        let summary = summarise("q", samples, 3);
        assert_eq!(summary.median_ms, 10.5);
        assert_eq!(summary.p95_ms, 19.0);
        assert_eq!(summary.min_ms, 1.0);
        assert_eq!(summary.samples, 20);
    }

    #[test]
    fn an_odd_number_of_samples_has_its_middle_one_as_median() {
        let summary = summarise("q", vec![5.0, 1.0, 3.0], 1);
        assert_eq!(summary.median_ms, 3.0);
        assert_eq!(summary.p95_ms, 5.0);
    }

    #[test]
    fn a_sample_repeats_a_fast_answer_until_it_lasts_long_enough() {
        assert_eq!(iterations_per_sample(0.02, 10.0), 500);
        assert_eq!(iterations_per_sample(40.0, 10.0), 1);
        assert_eq!(iterations_per_sample(0.0, 10.0), MAX_ITERATIONS_PER_SAMPLE);
    }

    #[test]
    fn an_unknown_subject_is_named_in_the_error() {
        let error = choose_subject("synthetic-7").err();
        assert_eq!(
            error.as_deref(),
            Some("there is no benchmark subject called \"synthetic-7\"")
        );
    }

    #[test]
    fn every_synthetic_size_is_a_subject() {
        for roles in SYNTHETIC_SIZES {
            let subject = choose_subject(&format!("synthetic-{roles}")).ok();
            assert_eq!(subject.map(|s| s.graph.roles().len()), Some(roles));
        }
        for roles in CREDENTIALED_SIZES {
            let subject = choose_subject(&format!("credentialed-{roles}")).ok();
            assert!(subject.is_some_and(|s| !s.graph.pack().credentials.is_empty()));
        }
    }
}
