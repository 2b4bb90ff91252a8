//! How fast the planner answers: the best route, five alternatives (also for a user who
//! holds some competencies) and exploring, on the bundled pack, on synthetic graphs of
//! 1,000 and 10,000 roles with ten ways on each, and on 10,000-role graphs with
//! credentials (roles that need registrations, moves that grant them): one shaped like a
//! real pack, and a stress case whose moves grant credentials at random (native only). The
//! browser benchmark times the same
//! queries in wasm (`benches/support/subjects.rs` holds both's graphs and queries).
//!
//! Run with `cargo bench --bench planner`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/subjects.rs"]
mod subjects;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::subjects::{
        bundled, credentialed, credentialed_scattered, synthetic, Query, Subject,
        CREDENTIALED_SIZES, SYNTHETIC_SIZES,
    };
    use criterion::Criterion;

    fn subjects() -> Vec<Subject> {
        let mut subjects = Vec::new();
        match bundled() {
            Ok(subject) => subjects.push(subject),
            Err(error) => eprintln!("skipping the bundled pack: {error}"),
        }
        subjects.extend(SYNTHETIC_SIZES.into_iter().map(synthetic));
        subjects.extend(CREDENTIALED_SIZES.into_iter().map(credentialed));
        subjects.extend(CREDENTIALED_SIZES.into_iter().map(credentialed_scattered));
        subjects
    }

    pub fn planner(c: &mut Criterion) {
        for subject in subjects() {
            let prepared = subject.prepare();
            eprintln!("{}", subject.describe_best_route(&prepared));
            let mut group = c.benchmark_group(&subject.name);
            for query in Query::ALL {
                group.bench_function(query.name(), |b| b.iter(|| subject.run(&prepared, query)));
            }
            group.finish();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::planner);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
