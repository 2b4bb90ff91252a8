//! The role map layout: boxes never overlap, each sits in its band column and family
//! row, and a highlighted route's moves are the ones flagged.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::source::read_pack_folder;
use foothold::graph::{
    bundled_graph, Band, BandRange, Evidence, Family, Months, Pack, PackInfo, Role, RoleGraph,
    RoleId, Transition,
};
use foothold::layout::{layout_map, map_band, MapLayout, MapNode};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;

fn starter_graph() -> RoleGraph {
    let pack = match read_pack_folder(Path::new("tests/fixtures/starter-pack")) {
        Ok(pack) => pack,
        Err(errors) => panic!("the starter fixture must parse: {errors:?}"),
    };
    match RoleGraph::new(pack) {
        Ok(graph) => graph,
        Err(error) => panic!("the starter fixture must be valid: {error}"),
    }
}

fn ids(slugs: &[&str]) -> Vec<RoleId> {
    slugs.iter().map(|slug| RoleId::new(*slug)).collect()
}

fn role(id: String, title: String, family: Family, bands: BandRange) -> Role {
    Role {
        id: RoleId(id),
        title,
        also_known_as: Vec::new(),
        family,
        bands,
        evidence: Evidence::Assumed,
        entry: false,
        senior_terminal: false,
        requires: Default::default(),
        holds: Vec::new(),
        holds_one_of: Vec::new(),
        duty: false,
        summary: "A generated role.".to_owned(),
        responsibilities: Vec::new(),
        entry_requirements: Vec::new(),
        competencies: Vec::new(),
        sources: vec!["https://example.org/".into()],
        origin: None,
    }
}

fn transition(from: &RoleId, to: &RoleId) -> Transition {
    Transition {
        from: from.clone(),
        also_from: Vec::new(),
        to: to.clone(),
        gain: Vec::new(),
        opportunities: Vec::new(),
        months: Months { min: 6, max: 12 },
        grants: Vec::new(),
        evidence: Evidence::Assumed,
        sources: vec!["https://example.org/".into()],
        note: None,
        actions: Vec::new(),
        origin: None,
    }
}

fn generated_graph(
    roles: Vec<(usize, BandRange, String)>,
    moves: Vec<(usize, usize)>,
) -> RoleGraph {
    let roles: Vec<Role> = roles
        .into_iter()
        .enumerate()
        .map(|(index, (family, bands, title))| {
            role(
                format!("role-{index}"),
                title,
                Family::ALL[family % Family::ALL.len()],
                bands,
            )
        })
        .collect();
    let transitions = moves
        .into_iter()
        .filter(|(from, to)| from != to)
        .map(|(from, to)| transition(&roles[from % roles.len()].id, &roles[to % roles.len()].id))
        .collect();
    RoleGraph::new_unchecked(Pack {
        info: PackInfo {
            id: "generated".to_owned(),
            title: "Generated".to_owned(),
            data_version: "2026.1.0".to_owned(),
            checked: "2026-01-01".to_owned(),
            summary: "Generated for property tests.".to_owned(),
            licence: "MIT".to_owned(),
            acknowledgements: Vec::new(),
            key_sources: Vec::new(),
        },
        roles,
        transitions,
        competencies: Vec::new(),
        opportunities: Vec::new(),
        credentials: Vec::new(),
        migrations: Vec::new(),
    })
}

fn band_range() -> impl Strategy<Value = BandRange> {
    let scale = Band::ALL.len() - 1; // every band but the medical contract
    prop_oneof![
        1 => Just(BandRange {
            min: Band::MedicalContract,
            max: Band::MedicalContract,
        }),
        6 => (0..scale, 0..scale).prop_map(|(a, b)| BandRange {
            min: Band::ALL[a.min(b)],
            max: Band::ALL[a.max(b)],
        }),
    ]
}

fn title() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Z][a-z]{0,11}( [a-z]{1,16}){0,6}")
        .unwrap_or_else(|error| panic!("the title pattern is valid: {error}"))
}

prop_compose! {
    fn graph_and_route()(
        roles in proptest::collection::vec((0..9usize, band_range(), title()), 1..45),
        moves in proptest::collection::vec((0..64usize, 0..64usize), 0..90),
        route in proptest::collection::vec(0..64usize, 0..6),
    ) -> (RoleGraph, Vec<RoleId>) {
        let count = roles.len();
        let route = route
            .into_iter()
            .map(|index| RoleId(format!("role-{}", index % count)))
            .collect();
        (generated_graph(roles, moves), route)
    }
}

fn node_of<'a>(layout: &'a MapLayout, id: &RoleId) -> &'a MapNode {
    layout
        .node(id)
        .unwrap_or_else(|| panic!("{id} should be on the map"))
}

proptest! {
    #[test]
    fn boxes_never_overlap((graph, route) in graph_and_route()) {
        let layout = layout_map(&graph, Some(&route));
        for (index, a) in layout.nodes.iter().enumerate() {
            for b in &layout.nodes[index + 1..] {
                prop_assert!(
                    !a.rect().overlaps(&b.rect()),
                    "{} {:?} overlaps {} {:?}", a.id, a.rect(), b.id, b.rect()
                );
            }
        }
    }

    #[test]
    fn every_box_sits_in_its_band_column_and_family_row((graph, route) in graph_and_route()) {
        let layout = layout_map(&graph, Some(&route));
        for role in graph.roles() {
            let node = node_of(&layout, &role.id);
            let column = layout.columns.iter().find(|column| column.band == map_band(role));
            let row = layout.rows.iter().find(|row| row.family == role.family);
            prop_assert!(column.is_some() && row.is_some());
            if let (Some(column), Some(row)) = (column, row) {
                prop_assert!(node.x >= column.x && node.x + node.w <= column.x + column.width);
                prop_assert!(node.y >= row.y && node.y + node.h <= row.y + row.height);
            }
        }
    }

    #[test]
    fn every_role_is_drawn_once_inside_the_map((graph, route) in graph_and_route()) {
        let layout = layout_map(&graph, Some(&route));
        prop_assert_eq!(layout.nodes.len(), graph.roles().len());
        let unique: HashSet<&RoleId> = layout.nodes.iter().map(|node| &node.id).collect();
        prop_assert_eq!(unique.len(), layout.nodes.len());
        for node in &layout.nodes {
            prop_assert!(node.x >= 0.0 && node.y >= 0.0);
            prop_assert!(node.x + node.w <= layout.width && node.y + node.h <= layout.height);
        }
    }

    #[test]
    fn columns_run_up_the_bands_with_the_medical_contract_last((graph, route) in graph_and_route()) {
        let layout = layout_map(&graph, Some(&route));
        for pair in layout.columns.windows(2) {
            prop_assert!(pair[0].band < pair[1].band);
            prop_assert!(pair[0].x + pair[0].width <= pair[1].x);
        }
        for pair in layout.rows.windows(2) {
            prop_assert!(pair[0].family < pair[1].family);
            prop_assert!(pair[0].y + pair[0].height <= pair[1].y);
        }
    }

    #[test]
    fn exactly_the_moves_between_consecutive_route_steps_are_highlighted(
        (graph, route) in graph_and_route()
    ) {
        let layout = layout_map(&graph, Some(&route));
        let steps: HashSet<(&RoleId, &RoleId)> =
            route.windows(2).map(|pair| (&pair[0], &pair[1])).collect();
        for edge in &layout.edges {
            prop_assert_eq!(edge.highlighted, steps.contains(&(&edge.from, &edge.to)));
        }
        let on_route: HashSet<&RoleId> = route.iter().collect();
        for node in &layout.nodes {
            prop_assert_eq!(node.highlighted, on_route.contains(&node.id));
        }
    }

    #[test]
    fn every_move_starts_and_ends_on_the_side_of_its_boxes((graph, route) in graph_and_route()) {
        let layout = layout_map(&graph, Some(&route));
        for edge in &layout.edges {
            let [start, _, _, end] = edge.points;
            let (from, to) = (node_of(&layout, &edge.from), node_of(&layout, &edge.to));
            let on_side = |node: &MapNode, x: f64, y: f64| {
                (x == node.x || x == node.x + node.w) && y >= node.y && y <= node.y + node.h
            };
            prop_assert!(on_side(from, start.x, start.y));
            prop_assert!(on_side(to, end.x, end.y));
        }
    }
}

#[test]
fn a_highlighted_route_flags_its_moves_and_numbers_its_roles() {
    let graph = starter_graph();
    let route = ids(&[
        "registered-nurse",
        "digital-nurse",
        "chief-nursing-information-officer",
    ]);
    let layout = layout_map(&graph, Some(&route));
    let highlighted: Vec<(&str, &str)> = layout
        .edges
        .iter()
        .filter(|edge| edge.highlighted)
        .map(|edge| (edge.from.as_str(), edge.to.as_str()))
        .collect();
    assert_eq!(
        highlighted,
        vec![
            ("registered-nurse", "digital-nurse"),
            ("digital-nurse", "chief-nursing-information-officer"),
        ]
    );
    let direct = layout.edges.iter().find(|edge| {
        edge.from.as_str() == "registered-nurse"
            && edge.to.as_str() == "chief-nursing-information-officer"
    });
    assert!(direct.is_some_and(|edge| !edge.highlighted));
    let steps: Vec<Option<usize>> = route
        .iter()
        .map(|id| node_of(&layout, id).route_step)
        .collect();
    assert_eq!(steps, vec![Some(1), Some(2), Some(3)]);
    assert_eq!(
        node_of(&layout, &RoleId::new("data-analyst")).route_step,
        None
    );
}

#[test]
fn without_a_route_nothing_is_highlighted() {
    let layout = layout_map(&starter_graph(), None);
    assert!(layout.nodes.iter().all(|node| !node.highlighted));
    assert!(layout.edges.iter().all(|edge| !edge.highlighted));
    assert_eq!(layout.highlighted_bounds(), None);
}

#[test]
fn a_route_box_says_so_in_words_not_only_colour() {
    let route = ids(&["administrator", "data-technician"]);
    let layout = layout_map(&starter_graph(), Some(&route));
    let node = node_of(&layout, &RoleId::new("data-technician"));
    assert_eq!(
        node.accessible_name(),
        "Data technician, Bands 3 to 4, on your route, step 2"
    );
    let plain = layout_map(&starter_graph(), None);
    let before = node_of(&plain, &RoleId::new("data-technician"));
    assert!(node.h > before.h, "the route marker gets its own line");
}

#[test]
fn roles_starting_at_a_band_share_its_column_in_title_order() {
    let layout = layout_map(&starter_graph(), None);
    let labels: Vec<&str> = layout
        .columns
        .iter()
        .map(|column| column.label.as_str())
        .collect();
    assert_eq!(
        labels,
        vec!["Band 2", "Band 3", "Band 5", "Band 6", "Band 8b"]
    );
    let families: Vec<Family> = layout.rows.iter().map(|row| row.family).collect();
    assert_eq!(
        families,
        vec![
            Family::ClinicalPractice,
            Family::Administration,
            Family::ClinicalInformatics,
            Family::DataAnalytics,
        ]
    );
}

#[test]
fn the_bundled_pack_lays_out_without_overlaps() {
    let graph = match bundled_graph() {
        Ok(graph) => graph,
        Err(error) => panic!("the bundled pack must load: {error}"),
    };
    let layout = layout_map(&graph, None);
    assert_eq!(layout.nodes.len(), graph.roles().len());
    for (index, a) in layout.nodes.iter().enumerate() {
        for b in &layout.nodes[index + 1..] {
            assert!(!a.rect().overlaps(&b.rect()), "{} overlaps {}", a.id, b.id);
        }
    }
}

#[test]
fn a_roles_neighbourhood_is_the_role_and_every_role_one_move_away() {
    let graph = starter_graph();
    let nurse = RoleId::new("registered-nurse");
    let around = foothold::layout::neighbourhood(&graph, &nurse);
    assert_eq!(around.first(), Some(&nurse));
    let expected: HashSet<&RoleId> = graph
        .transitions()
        .iter()
        .filter_map(|t| {
            if t.from == nurse {
                Some(&t.to)
            } else if t.to == nurse {
                Some(&t.from)
            } else {
                None
            }
        })
        .chain(std::iter::once(&nurse))
        .collect();
    assert_eq!(around.iter().collect::<HashSet<_>>(), expected);
    assert_eq!(around.len(), expected.len(), "no role twice");
    assert!(foothold::layout::neighbourhood(&graph, &RoleId::new("no-such-role")).is_empty());
    let layout = layout_map(&graph, None);
    let bounds = layout.bounds_of(&around).expect("the nurse is on the map");
    for id in &around {
        let node = layout.node(id).expect("every neighbour is on the map");
        assert!(bounds.contains(&node.rect()));
    }
}
