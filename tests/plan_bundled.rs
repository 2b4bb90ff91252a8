//! Plans made from the planner's routes over the bundled NHS pack: each route becomes
//! a plan that fits the pack, projects a finish date, prints, shares and saves.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{bundled_graph, RoleId};
use foothold::plan::{migrate_roles, AppData, Dashboard, Date, Pace, Plan, Timestamp};
use foothold::planner::{find_routes, Objective, RouteQuery, SelfAssessment};
use foothold::share::{calendar_ics, read_share_fragment, share_fragment, PrintablePlan};
use foothold::store::{Loaded, MemoryStore, Store};

const JOURNEYS: [(&str, &str); 4] = [
    ("registered-nurse", "chief-nursing-information-officer"),
    ("administrator", "data-analyst"),
    ("graduate", "data-scientist"),
    ("resident-doctor", "chief-clinical-information-officer"),
];

#[test]
fn every_suggested_route_becomes_a_plan_that_fits_the_bundled_pack() {
    let graph = bundled_graph().expect("the bundled pack is valid");
    let today: Date = "2026-11-25".parse().unwrap();
    let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
    let mut data = AppData::default();
    for (seed, (from, to)) in JOURNEYS.into_iter().enumerate() {
        let query = RouteQuery::new(RoleId::new(from), RoleId::new(to));
        let routes = find_routes(&graph, &query, &SelfAssessment::default())
            .unwrap_or_else(|_| panic!("a route from {from} to {to}"));
        for route in routes {
            let id = data.new_plan_id(seed as u64);
            let mut plan = Plan::from_route(
                &graph,
                &route.roles(),
                Objective::ShortestTime,
                &format!("{from} to {to}"),
                today,
                id,
            )
            .expect("every route step is a move in the pack");
            assert_eq!(migrate_roles(&mut plan, &graph), vec![]);
            let projection = plan.projection(&graph, Pace::PartTime(50), today);
            assert!(projection.months > 0 && projection.unestimated_steps == 0);
            plan.set_target_date(0, Some(projection.finish)).unwrap();
            assert_eq!(
                read_share_fragment(&share_fragment(&plan)).as_ref(),
                Ok(&plan)
            );
            let page = PrintablePlan::new(&plan, &graph, &data, today);
            assert!(page.steps.iter().all(|step| step.in_data));
            assert!(calendar_ics(&plan, &graph, now).contains("BEGIN:VEVENT"));
            data.add_plan(plan).unwrap();
        }
    }
    let dashboard = Dashboard::new(&data, &graph, today);
    assert_eq!(dashboard.plans.len(), data.plans.len());

    let mut store = Store::new(MemoryStore::new());
    store.save(&data, &graph.info().data_version, now).unwrap();
    let Ok(Loaded::Found(loaded)) = Store::new(store.storage().clone()).load() else {
        panic!("the plans load back");
    };
    assert_eq!(loaded.data, data);
}
