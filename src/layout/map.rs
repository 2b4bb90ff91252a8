//! Where every role and every move sits on the role map.
//!
//! Columns are bands, left to right from band 2 up to very senior manager, with the
//! medical contract column last: medical contracts sit outside the Agenda for Change
//! scale, so they go at the end rather than between two bands. A role sits in the column
//! of the lowest band it is usually advertised at (where people usually join it); its
//! full range is written in its box. Rows are families in [`Family::ALL`] order. Only
//! bands and families that have roles get a column or a row, so the map stays as small
//! as the data allows on a phone.
//!
//! Several roles in one cell are stacked top to bottom in title order, and a row is as
//! tall as its tallest stack, so boxes never overlap.

use super::text::wrap_words;
use crate::graph::{Band, Family, Role, RoleGraph, RoleId};
use std::collections::{HashMap, HashSet};

/// Space around the whole map.
pub const MARGIN: f64 = 16.0;
/// Height of the band labels above the first row.
pub const HEADER_HEIGHT: f64 = 40.0;
/// Height of the family label at the top of each row.
pub const ROW_LABEL_HEIGHT: f64 = 32.0;
/// Width of a band column.
pub const COLUMN_WIDTH: f64 = 200.0;
/// Width of a role box; the rest of the column is the gutter where moves are drawn.
pub const NODE_WIDTH: f64 = 180.0;
/// Vertical space between stacked boxes in one cell.
pub const NODE_GAP: f64 = 12.0;
/// Vertical space below the last box of a row.
pub const ROW_GAP: f64 = 20.0;
/// Height of one line of text in a box.
pub const LINE_HEIGHT: f64 = 18.0;
/// Space between a box's edge and its text.
pub const NODE_PADDING: f64 = 10.0;
/// The most characters of a title on one line of a box (at the map's font size).
pub const TITLE_CHARS_PER_LINE: usize = 21;
/// The most lines of title in a box; longer titles end with "…" (the full title is in
/// the box's accessible name).
pub const TITLE_MAX_LINES: usize = 3;

/// A point on the map, in map units (one unit is one CSS pixel at 100% zoom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Distance from the map's left edge.
    pub x: f64,
    /// Distance from the map's top edge.
    pub y: f64,
}

/// An axis-aligned rectangle on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether two rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this rectangle (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The smallest rectangle around both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// A band column of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The band whose roles start in this column.
    pub band: Band,
    /// The label drawn above the column ("Band 5", "Medical contract").
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
}

/// A family row of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The family of the roles in this row.
    pub family: Family,
    /// The label drawn at the top of the row.
    pub label: String,
    /// Top edge (the label sits here, the boxes below it).
    pub y: f64,
    /// Height, including the label and the gap below the boxes.
    pub height: f64,
}

/// One role's box on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// The role.
    pub id: RoleId,
    /// The role's full title (for the accessible name).
    pub title: String,
    /// The title wrapped to fit the box.
    pub title_lines: Vec<String>,
    /// The band range as people read it ("Bands 5 to 7").
    pub band_label: String,
    /// The role's family (its row).
    pub family: Family,
    /// The band of its column: the lowest band of its range.
    pub band: Band,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// True when the role is on the highlighted route.
    pub highlighted: bool,
    /// Its place on the highlighted route, counting from 1 (the starting role).
    pub route_step: Option<usize>,
}

impl MapNode {
    /// The box as a rectangle.
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.w,
            height: self.h,
        }
    }

    /// How many lines of text the box holds: title, band range and, on a highlighted
    /// route, the "On your route" marker.
    pub fn line_count(&self) -> usize {
        self.title_lines.len() + 1 + usize::from(self.route_step.is_some())
    }

    /// The box's accessible name: the full title, the band range and the route marker.
    pub fn accessible_name(&self) -> String {
        match self.route_step {
            Some(step) => format!(
                "{}, {}, on your route, step {step}",
                self.title, self.band_label
            ),
            None => format!("{}, {}", self.title, self.band_label),
        }
    }
}

/// A move between two roles, drawn as one cubic curve with an arrow at `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge {
    /// The role moved from.
    pub from: RoleId,
    /// The role moved to.
    pub to: RoleId,
    /// The curve: start, two control points, end.
    pub points: [Point; 4],
    /// True when the move is a step of the highlighted route.
    pub highlighted: bool,
}

impl MapEdge {
    /// The curve as SVG path data.
    pub fn path(&self) -> String {
        let [a, b, c, d] = self.points;
        format!(
            "M{:.1} {:.1} C{:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            a.x, a.y, b.x, b.y, c.x, c.y, d.x, d.y
        )
    }
}

/// The whole role map, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Width of the map.
    pub width: f64,
    /// Height of the map.
    pub height: f64,
    /// Band columns, left to right.
    pub columns: Vec<Column>,
    /// Family rows, top to bottom.
    pub rows: Vec<Row>,
    /// Role boxes, in reading order: row by row, left to right, top to bottom within a
    /// cell (the order keyboard users tab through them).
    pub nodes: Vec<MapNode>,
    /// Moves, in pack order.
    pub edges: Vec<MapEdge>,
}

impl MapLayout {
    /// The box of a role, if the role is on the map.
    pub fn node(&self, id: &RoleId) -> Option<&MapNode> {
        self.nodes.iter().find(|node| &node.id == id)
    }

    /// The smallest rectangle around the boxes of `ids` that are on the map, if any is.
    pub fn bounds_of(&self, ids: &[RoleId]) -> Option<Rect> {
        self.nodes
            .iter()
            .filter(|node| ids.contains(&node.id))
            .map(MapNode::rect)
            .reduce(|a, b| a.union(&b))
    }

    /// The smallest rectangle around every highlighted box, if any box is highlighted.
    pub fn highlighted_bounds(&self) -> Option<Rect> {
        self.nodes
            .iter()
            .filter(|node| node.highlighted)
            .map(MapNode::rect)
            .reduce(|a, b| a.union(&b))
    }
}

/// A role and the roles one move away from it, either way: what the map frames when it
/// opens on a person's role with no route chosen. Empty when the role is not in the
/// graph.
pub fn neighbourhood(graph: &RoleGraph, role: &RoleId) -> Vec<RoleId> {
    if graph.role(role).is_none() {
        return Vec::new();
    }
    let mut roles = vec![role.clone()];
    let ways_out = graph.ways_on(role).into_iter().map(|t| &t.to);
    let ways_in = graph.ways_in(role).into_iter().map(|t| &t.from);
    for other in ways_out.chain(ways_in) {
        if !roles.contains(other) {
            roles.push(other.clone());
        }
    }
    roles
}

/// The band whose column a role sits in: the lowest band it is usually advertised at.
pub fn map_band(role: &Role) -> Band {
    role.bands.min
}

/// Lays out every role of the graph and every move between them, flagging the roles and
/// moves of `highlight_route` (a walk of role ids, start first).
///
/// Roles repeated in the pack are drawn once (the first); moves from a role to itself
/// are not drawn. A route step with no move in the graph highlights both roles but no
/// curve, since the map only draws moves that exist.
pub fn layout_map(graph: &RoleGraph, highlight_route: Option<&[RoleId]>) -> MapLayout {
    let route = highlight_route.unwrap_or(&[]);
    // A route has a handful of roles, so it is searched rather than hashed: each hash
    // map or set type adds its own copy of the hash table code to the app.
    let route_step = |id: &RoleId| {
        route
            .iter()
            .position(|on_route| on_route == id)
            .map(|position| position + 1)
    };

    let cells = group_roles(graph.roles());
    let columns = columns_for(&cells);

    let mut rows = Vec::new();
    let mut nodes = Vec::new();
    let mut top = HEADER_HEIGHT;
    for (family, by_band) in &cells {
        let mut tallest: f64 = 0.0;
        for (band, roles) in by_band {
            let Some(column) = column_index(&columns, *band).map(|index| &columns[index]) else {
                continue;
            };
            let mut y = top + ROW_LABEL_HEIGHT;
            for role in roles {
                let node = node_for(role, column, y, route_step(&role.id));
                y += node.h + NODE_GAP;
                nodes.push(node);
            }
            tallest = tallest.max(y - NODE_GAP - (top + ROW_LABEL_HEIGHT));
        }
        let height = ROW_LABEL_HEIGHT + tallest + ROW_GAP;
        rows.push(Row {
            family: *family,
            label: family.label().to_owned(),
            y: top,
            height,
        });
        top += height;
    }

    let width = 2.0 * MARGIN + columns.len() as f64 * COLUMN_WIDTH;
    let height = top + MARGIN;
    let edges = edges_for(graph, &nodes, &columns, route);
    MapLayout {
        width,
        height,
        columns,
        rows,
        nodes,
        edges,
    }
}

/// Roles by family, each family's roles by the band of their column.
pub type RoleGroups<'g> = Vec<(Family, Vec<(Band, Vec<&'g Role>)>)>;

/// Groups roles as the map places them: by family in [`Family`] order (which is
/// [`Family::ALL`] order), then by the band of their column in [`Band`] order, each group
/// keeping the order the roles came in.
///
/// Sorted vectors rather than nested `BTreeMap`s, since a handful of families and
/// bands need no tree, and each map type would add its own copy of the tree code to the
/// app.
pub fn group_by_family_and_band(roles: Vec<&Role>) -> RoleGroups<'_> {
    let mut groups: RoleGroups<'_> = Vec::new();
    for role in roles {
        let by_band = sorted_slot(&mut groups, role.family);
        sorted_slot(by_band, map_band(role)).push(role);
    }
    // `Family`'s derived order is its declaration order, which is `Family::ALL`; the
    // assertion keeps the two from drifting apart.
    debug_assert!(Family::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    groups
}

/// The value under `key` in a list kept sorted by key, inserting an empty one in its
/// place when the key is new.
fn sorted_slot<K: Ord + Copy, V: Default>(list: &mut Vec<(K, V)>, key: K) -> &mut V {
    let index = match list.binary_search_by(|(other, _)| other.cmp(&key)) {
        Ok(index) => index,
        Err(index) => {
            list.insert(index, (key, V::default()));
            index
        }
    };
    &mut list[index].1
}

/// Roles by family, then by column band, each cell in title order; a repeated id keeps
/// its first role only.
fn group_roles(roles: &[Role]) -> RoleGroups<'_> {
    let mut seen = HashSet::new();
    let firsts = roles.iter().filter(|role| seen.insert(&role.id)).collect();
    let mut cells = group_by_family_and_band(firsts);
    for (_, by_band) in &mut cells {
        for (_, roles) in by_band {
            crate::order::sort_by(roles, |a, b| {
                a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id))
            });
        }
    }
    cells
}

// Bands are few, so the columns are searched in a list rather than hashed: each hash
// map or set type adds its own copy of the hash table code to the app.
fn columns_for(cells: &RoleGroups<'_>) -> Vec<Column> {
    let used = |band: &Band| {
        cells
            .iter()
            .any(|(_, by_band)| by_band.iter().any(|(used, _)| used == band))
    };
    Band::ALL
        .into_iter()
        .filter(used)
        .enumerate()
        .map(|(index, band)| Column {
            band,
            label: band.label(),
            x: MARGIN + index as f64 * COLUMN_WIDTH,
            width: COLUMN_WIDTH,
        })
        .collect()
}

/// The position of the column for `band`, if the map has one.
fn column_index(columns: &[Column], band: Band) -> Option<usize> {
    columns.iter().position(|column| column.band == band)
}

fn node_for(role: &Role, column: &Column, y: f64, route_step: Option<usize>) -> MapNode {
    let title_lines = wrap_words(&role.title, TITLE_CHARS_PER_LINE, TITLE_MAX_LINES);
    let mut node = MapNode {
        id: role.id.clone(),
        title: role.title.clone(),
        title_lines,
        band_label: role.bands.to_string(),
        family: role.family,
        band: map_band(role),
        x: column.x + (COLUMN_WIDTH - NODE_WIDTH) / 2.0,
        y,
        w: NODE_WIDTH,
        h: 0.0,
        highlighted: route_step.is_some(),
        route_step,
    };
    node.h = 2.0 * NODE_PADDING + LINE_HEIGHT * node.line_count() as f64;
    node
}

fn edges_for(
    graph: &RoleGraph,
    nodes: &[MapNode],
    columns: &[Column],
    route: &[RoleId],
) -> Vec<MapEdge> {
    let by_id: HashMap<&RoleId, &MapNode> = nodes.iter().map(|node| (&node.id, node)).collect();
    graph
        .transitions()
        .iter()
        .filter(|transition| transition.from != transition.to)
        .filter_map(|transition| {
            let source = by_id.get(&transition.from)?;
            let target = by_id.get(&transition.to)?;
            let source_column = column_index(columns, source.band)?;
            let target_column = column_index(columns, target.band)?;
            Some(MapEdge {
                from: transition.from.clone(),
                to: transition.to.clone(),
                points: curve(source, target, source_column.cmp(&target_column)),
                highlighted: route
                    .windows(2)
                    .any(|pair| pair[0] == transition.from && pair[1] == transition.to),
            })
        })
        .collect()
}

/// A curve leaving the side of the source that faces the target and entering the target
/// from the side facing the source; between boxes of one column it bows out into the
/// gutter on the right.
fn curve(source: &MapNode, target: &MapNode, order: std::cmp::Ordering) -> [Point; 4] {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let source_middle = source.y + source.h / 2.0;
    let target_middle = target.y + target.h / 2.0;
    let (start_x, end_x, bow) = match order {
        Less => {
            let (start, end) = (source.x + source.w, target.x);
            (start, end, (end - start) / 2.0)
        }
        Greater => {
            let (start, end) = (source.x, target.x + target.w);
            (start, end, (end - start) / 2.0)
        }
        Equal => (source.x + source.w, target.x + target.w, 0.0),
    };
    let (first_bow, second_bow) = if order == Equal {
        let gutter = COLUMN_WIDTH - NODE_WIDTH;
        (gutter, -gutter)
    } else {
        (bow, bow)
    };
    [
        Point {
            x: start_x,
            y: source_middle,
        },
        Point {
            x: start_x + first_bow,
            y: source_middle,
        },
        Point {
            x: end_x - second_bow,
            y: target_middle,
        },
        Point {
            x: end_x,
            y: target_middle,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn rectangles_that_only_touch_do_not_overlap() {
        assert!(!rect(0.0, 0.0, 10.0, 10.0).overlaps(&rect(10.0, 0.0, 10.0, 10.0)));
        assert!(rect(0.0, 0.0, 10.0, 10.0).overlaps(&rect(9.0, 9.0, 10.0, 10.0)));
    }

    #[test]
    fn union_covers_both_rectangles() {
        let a = rect(0.0, 0.0, 10.0, 10.0);
        let b = rect(20.0, 5.0, 5.0, 30.0);
        let both = a.union(&b);
        assert!(both.contains(&a) && both.contains(&b));
        assert_eq!(both, rect(0.0, 0.0, 25.0, 35.0));
    }

    #[test]
    fn edge_path_is_one_cubic_curve() {
        let edge = MapEdge {
            from: RoleId::new("a"),
            to: RoleId::new("b"),
            points: [
                Point { x: 1.0, y: 2.0 },
                Point { x: 3.0, y: 4.0 },
                Point { x: 5.0, y: 6.0 },
                Point { x: 7.0, y: 8.0 },
            ],
            highlighted: false,
        };
        assert_eq!(edge.path(), "M1.0 2.0 C3.0 4.0, 5.0 6.0, 7.0 8.0");
    }
}
