//! How fast the planner answers: the best route, five alternatives (also for a user who
//! holds some competencies) and exploring, on the bundled pack and on synthetic graphs of 1,000 and 10,000 roles with ten ways on each.
//!
//! Run with `cargo bench --bench planner`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, Criterion};
    use foothold::graph::{bundled_graph, RoleGraph, RoleId};
    use foothold::planner::generate::{role_id, synthetic_pack};
    use foothold::planner::{explore, find_routes, Constraints, RouteQuery, SelfAssessment};

    /// One graph to measure, with a route query whose answer exists.
    struct Subject {
        name: String,
        graph: RoleGraph,
        from: RoleId,
        to: RoleId,
        explore_months: u16,
    }

    fn subjects() -> Vec<Subject> {
        let mut subjects = Vec::new();
        match bundled_graph() {
            // Both ids are in the bundled NHS pack and in the starter fixture.
            Ok(graph) => subjects.push(Subject {
                name: format!("bundled pack ({} roles)", graph.roles().len()),
                graph,
                from: "registered-nurse".into(),
                to: "chief-nursing-information-officer".into(),
                explore_months: 120,
            }),
            Err(error) => eprintln!("skipping the bundled pack: {error}"),
        }
        for roles in [1_000, 10_000] {
            subjects.push(Subject {
                name: format!("synthetic {roles} roles"),
                graph: RoleGraph::new_unchecked(synthetic_pack(roles, 10, 2026)),
                // The first role is an entry role; the last is at the senior end.
                from: role_id(0),
                to: role_id(roles - 1),
                explore_months: 36,
            });
        }
        subjects
    }

    pub fn planner(c: &mut Criterion) {
        let none = SelfAssessment::default();
        for subject in subjects() {
            let mut group = c.benchmark_group(&subject.name);
            let mut query = RouteQuery::new(subject.from.clone(), subject.to.clone());
            query.routes = 1;
            match find_routes(&subject.graph, &query, &none) {
                Ok(routes) => eprintln!(
                    "{}: best route has {} steps",
                    subject.name, routes[0].totals.steps
                ),
                Err(answer) => eprintln!("{}: {}", subject.name, answer.message()),
            }
            group.bench_function("best route", |b| {
                b.iter(|| find_routes(black_box(&subject.graph), black_box(&query), &none))
            });
            let mut five = query.clone();
            five.routes = 5;
            group.bench_function("five alternatives", |b| {
                b.iter(|| find_routes(black_box(&subject.graph), black_box(&five), &none))
            });
            // A user who holds every third competency in the pack, so that every move
            // priced has to check its competencies against what is held.
            let holding = SelfAssessment {
                held: subject
                    .graph
                    .pack()
                    .competencies
                    .iter()
                    .step_by(3)
                    .map(|c| c.id.clone())
                    .collect(),
                ..SelfAssessment::default()
            };
            group.bench_function("five alternatives, personalised", |b| {
                b.iter(|| find_routes(black_box(&subject.graph), black_box(&five), &holding))
            });
            let constraints = Constraints::default();
            group.bench_function("explore", |b| {
                b.iter(|| {
                    explore(
                        black_box(&subject.graph),
                        black_box(&subject.from),
                        subject.explore_months,
                        &constraints,
                        &none,
                    )
                })
            });
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
