//! `RoleMap`: the role map drawn as inline SVG, with pan and zoom by touch, mouse and
//! keyboard.
//!
//! The geometry comes from [`crate::layout`]; this component only draws it and turns
//! gestures into [`Viewport`] operations. Each role box is an SVG link to its role page
//! with the title and band as its accessible name, so the map is a set of links rather
//! than a picture; the curves between boxes are decoration (`aria-hidden`), and the
//! pages that show the map also list its roles as plain links.

use crate::graph::RoleId;
use crate::layout::map::{HEADER_HEIGHT, LINE_HEIGHT, NODE_PADDING, ROW_LABEL_HEIGHT};
use crate::layout::viewport::ZOOM_STEP;
use crate::layout::{layout_map, MapLayout, MapNode, PanDirection, Point, Rect, Size, Viewport};
use crate::ui::context::use_graph;
use crate::ui::routes::Route;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

/// How far, in CSS pixels, a pointer must move before a press becomes a drag (so a
/// slightly shaky tap on a role still opens it).
const DRAG_THRESHOLD: f64 = 6.0;

/// Props of [`RoleMap`].
#[derive(Properties, PartialEq, Clone)]
pub struct RoleMapProps {
    /// A route to highlight, as role ids from the start; empty for none.
    #[prop_or_default]
    pub highlight: Vec<RoleId>,
    /// Roles to frame when no route is highlighted (a person's role and its
    /// neighbours); empty to start at the map's corner.
    #[prop_or_default]
    pub focus: Vec<RoleId>,
}

/// What can happen to the view.
enum ViewAction {
    Resize(Size),
    Zoom(f64, Point),
    ZoomIn(Option<Rect>),
    ZoomOut(Option<Rect>),
    Pan(f64, f64),
    Step(PanDirection),
    Reveal(Rect),
    /// Back to the starting view of a map: its route framed, or its top-left corner.
    /// Back to the starting view: framing `route` (a route, or roles to focus on),
    /// always keeping `keep` (the person's own role) on screen.
    Reset {
        content: Size,
        route: Option<Rect>,
        keep: Option<Rect>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct ViewState(Viewport);

impl Reducible for ViewState {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let view = self.0;
        let next = match action {
            ViewAction::Resize(screen) => view.resized(screen),
            ViewAction::Zoom(factor, focus) => view.zoomed(factor, focus),
            ViewAction::ZoomIn(focus) => view.zoomed_about(ZOOM_STEP, focus),
            ViewAction::ZoomOut(focus) => view.zoomed_about(1.0 / ZOOM_STEP, focus),
            ViewAction::Pan(dx, dy) => view.panned(dx, dy),
            ViewAction::Step(direction) => view.stepped(direction),
            ViewAction::Reveal(rect) => view.revealed(rect),
            ViewAction::Reset {
                content,
                route,
                keep,
            } => {
                let fresh = Viewport::new(content, view.screen);
                route.map_or(fresh, |route| fresh.framed_keeping(route, keep))
            }
        };
        if next == view {
            self
        } else {
            Rc::new(ViewState(next))
        }
    }
}

/// Pointers currently pressed on the map and whether this press has become a drag.
#[derive(Default)]
struct Gestures {
    pointers: Vec<(i32, Point)>,
    travel: f64,
    dragged: bool,
}

fn content_size(layout: &MapLayout) -> Size {
    Size {
        width: layout.width,
        height: layout.height,
    }
}

fn measure(element: &NodeRef) -> Option<Size> {
    element.cast::<HtmlElement>().map(|element| Size {
        width: f64::from(element.client_width()),
        height: f64::from(element.client_height()),
    })
}

/// The pointer's position in CSS pixels from the map's top-left corner.
fn local_point(element: &NodeRef, event: &MouseEvent) -> Option<Point> {
    let element = element.cast::<HtmlElement>()?;
    let bounds = element.get_bounding_client_rect();
    Some(Point {
        x: f64::from(event.client_x()) - bounds.left(),
        y: f64::from(event.client_y()) - bounds.top(),
    })
}

/// The role map, with zoom buttons, a key, and every role as a link.
#[function_component(RoleMap)]
pub fn role_map(props: &RoleMapProps) -> Html {
    let graph = use_graph();
    let navigator = use_navigator();
    let layout = use_memo(
        (graph.clone(), props.highlight.clone()),
        |(graph, highlight)| {
            graph.as_ref().map(|graph| {
                let route = (!highlight.is_empty()).then_some(highlight.as_slice());
                layout_map(graph, route)
            })
        },
    );
    let content = layout.as_ref().as_ref().map_or(
        Size {
            width: 1.0,
            height: 1.0,
        },
        content_size,
    );
    // What the view starts on and zooms about: the highlighted route, or else the roles
    // to focus on.
    let frame_bounds = layout.as_ref().as_ref().and_then(|layout| {
        layout
            .highlighted_bounds()
            .or_else(|| layout.bounds_of(&props.focus))
    });
    let keep = layout
        .as_ref()
        .as_ref()
        .zip(props.focus.first())
        .and_then(|(layout, role)| layout.node(role))
        .map(MapNode::rect);
    // Zooming keeps the person's own role where it is, or else the route's middle.
    let zoom_focus = keep.or(frame_bounds);
    let view = use_reducer(|| {
        ViewState(Viewport::new(
            content,
            Size {
                width: 0.0,
                height: 0.0,
            },
        ))
    });
    let viewport_ref = use_node_ref();
    let gestures = use_mut_ref(Gestures::default);

    // Keep the view's proportions equal to the map box's, now and whenever the window
    // changes size (a phone turned on its side).
    {
        let view = view.dispatcher();
        let viewport_ref = viewport_ref.clone();
        use_effect_with((), move |_| {
            let resize = move || {
                if let Some(size) = measure(&viewport_ref) {
                    view.dispatch(ViewAction::Resize(size));
                }
            };
            resize();
            let listener = Closure::<dyn Fn()>::new(resize);
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    // A new route (or none) starts from a view that shows it.
    {
        let view = view.dispatcher();
        use_effect_with(
            (content, frame_bounds, keep),
            move |(content, route, keep)| {
                view.dispatch(ViewAction::Reset {
                    content: *content,
                    route: *route,
                    keep: *keep,
                });
            },
        );
    }

    let Some(layout) = layout.as_ref().as_ref() else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };
    let viewport = view.0;

    let on_pointer_down = {
        let gestures = gestures.clone();
        let viewport_ref = viewport_ref.clone();
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() == "mouse" && event.button() != 0 {
                return;
            }
            let Some(point) = local_point(&viewport_ref, &event) else {
                return;
            };
            let mut gestures = gestures.borrow_mut();
            let id = event.pointer_id();
            gestures.pointers.retain(|(known, _)| *known != id);
            gestures.pointers.push((id, point));
            if gestures.pointers.len() == 1 {
                gestures.travel = 0.0;
                gestures.dragged = false;
            }
        })
    };

    let on_pointer_move = {
        let gestures = gestures.clone();
        let viewport_ref = viewport_ref.clone();
        let view = view.dispatcher();
        Callback::from(move |event: PointerEvent| {
            let mut gestures = gestures.borrow_mut();
            let id = event.pointer_id();
            let Some(index) = gestures.pointers.iter().position(|(known, _)| *known == id) else {
                return;
            };
            // A mouse released outside the window never sent its pointerup.
            if event.pointer_type() == "mouse" && event.buttons() == 0 {
                gestures.pointers.remove(index);
                return;
            }
            let Some(point) = local_point(&viewport_ref, &event) else {
                return;
            };
            let previous = gestures.pointers[index].1;
            gestures.pointers[index].1 = point;
            let other = gestures
                .pointers
                .iter()
                .find(|(known, _)| *known != id)
                .map(|(_, other)| *other);
            match other {
                // One finger scrolls the page (the browser does that: see touch-action in
                // the map's styles); two fingers move and zoom the map.
                None if event.pointer_type() == "touch" => {}
                None => {
                    let (dx, dy) = (point.x - previous.x, point.y - previous.y);
                    gestures.travel += dx.hypot(dy);
                    if gestures.travel > DRAG_THRESHOLD {
                        if !gestures.dragged {
                            gestures.dragged = true;
                            if let Some(element) = viewport_ref.cast::<HtmlElement>() {
                                let _ = element.set_pointer_capture(id);
                            }
                        }
                        view.dispatch(ViewAction::Pan(dx, dy));
                    }
                }
                Some(other) => {
                    gestures.dragged = true;
                    let before = previous.x - other.x;
                    let before = before.hypot(previous.y - other.y);
                    let after = (point.x - other.x).hypot(point.y - other.y);
                    let middle_before = midpoint(previous, other);
                    let middle_after = midpoint(point, other);
                    if before > 1.0 {
                        view.dispatch(ViewAction::Zoom(after / before, middle_after));
                    }
                    view.dispatch(ViewAction::Pan(
                        middle_after.x - middle_before.x,
                        middle_after.y - middle_before.y,
                    ));
                }
            }
        })
    };

    let on_pointer_end = {
        let gestures = gestures.clone();
        Callback::from(move |event: PointerEvent| {
            let id = event.pointer_id();
            gestures
                .borrow_mut()
                .pointers
                .retain(|(known, _)| *known != id);
        })
    };

    let on_wheel = {
        let viewport_ref = viewport_ref.clone();
        let view = view.dispatcher();
        Callback::from(move |event: WheelEvent| {
            // A plain wheel scrolls the page as everywhere else; Ctrl (or a trackpad
            // pinch, which browsers report as Ctrl and wheel) zooms the map.
            if !(event.ctrl_key() || event.meta_key()) {
                return;
            }
            event.prevent_default();
            let per_unit = match event.delta_mode() {
                0 => 0.002,
                1 => 0.05,
                _ => 0.5,
            };
            let factor = (-event.delta_y() * per_unit).exp().clamp(0.5, 2.0);
            if let Some(point) = local_point(&viewport_ref, &event) {
                view.dispatch(ViewAction::Zoom(factor, point));
            }
        })
    };

    let on_key = {
        let view = view.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            let action = match event.key().as_str() {
                "ArrowUp" => ViewAction::Step(PanDirection::Up),
                "ArrowDown" => ViewAction::Step(PanDirection::Down),
                "ArrowLeft" => ViewAction::Step(PanDirection::Left),
                "ArrowRight" => ViewAction::Step(PanDirection::Right),
                "+" | "=" => ViewAction::ZoomIn(zoom_focus),
                "-" | "_" => ViewAction::ZoomOut(zoom_focus),
                "0" => ViewAction::Reset {
                    content,
                    route: frame_bounds,
                    keep,
                },
                _ => return,
            };
            event.prevent_default();
            view.dispatch(action);
        })
    };

    let zoom_in = {
        let view = view.dispatcher();
        Callback::from(move |_: MouseEvent| view.dispatch(ViewAction::ZoomIn(zoom_focus)))
    };
    let zoom_out = {
        let view = view.dispatcher();
        Callback::from(move |_: MouseEvent| view.dispatch(ViewAction::ZoomOut(zoom_focus)))
    };
    let reset = {
        let view = view.dispatcher();
        Callback::from(move |_: MouseEvent| {
            view.dispatch(ViewAction::Reset {
                content,
                route: frame_bounds,
                keep,
            })
        })
    };

    let node_events = NodeEvents {
        navigator,
        gestures,
        view: view.dispatcher(),
    };
    let visible = viewport.view_rect();
    let has_route = frame_bounds.is_some();

    html! {
        <div class="fh-map">
            <div class="fh-map__controls">
                // Never disabled: a disabled button would drop keyboard focus at the
                // zoom limit; a press there simply changes nothing.
                <button type="button" class="fh-map__button" onclick={zoom_in}>{ "Zoom in" }</button>
                <button type="button" class="fh-map__button" onclick={zoom_out}>{ "Zoom out" }</button>
                <button type="button" class="fh-map__button" onclick={reset}>{ "Reset view" }</button>
            </div>
            <ul class="fh-map__key" aria-label="Key to the map">
                <li>
                    <span class="fh-map__key-box" aria-hidden="true"></span>
                    { "A role, in the column of the lowest band it is usually advertised at" }
                </li>
                <li>
                    <span class="fh-map__key-line" aria-hidden="true"></span>
                    { "A move people make from one role to another (the arrow points to the new role)" }
                </li>
                if has_route {
                    <li>
                        <span class="fh-map__key-box fh-map__key-box--route" aria-hidden="true"></span>
                        { "A role on your route: thick blue outline and the words \u{201c}On your route\u{201d} with its step number" }
                    </li>
                    <li>
                        <span class="fh-map__key-line fh-map__key-line--route" aria-hidden="true"></span>
                        { "A move on your route: thick blue line" }
                    </li>
                }
            </ul>
            <div class="fh-map__viewport" ref={viewport_ref} tabindex="0" role="group"
                aria-label="Role map, use arrow keys to pan" aria-describedby="fh-map-help"
                onkeydown={on_key}
                onpointerdown={on_pointer_down}
                onpointermove={on_pointer_move}
                onpointerup={on_pointer_end.clone()}
                onpointercancel={on_pointer_end}
                onwheel={on_wheel}>
                <svg class="fh-map__svg" viewBox={viewport.view_box()}
                    preserveAspectRatio="xMinYMin meet" width="100%" height="100%">
                    { arrow_markers() }
                    <g aria-hidden="true">
                        { for layout.rows.iter().enumerate().map(|(index, row)| html! {
                            <rect class={classes!("fh-map__row", (index % 2 == 1).then_some("fh-map__row--alt"))}
                                x="0" y={format!("{:.1}", row.y)}
                                width={format!("{:.1}", layout.width)}
                                height={format!("{:.1}", row.height)} />
                        }) }
                    </g>
                    <g class="fh-map__edges" aria-hidden="true">
                        { for layout.edges.iter().filter(|edge| !edge.highlighted).map(|edge| html! {
                            <path class="fh-map-edge" d={edge.path()} marker-end="url(#fh-map-arrow)" />
                        }) }
                        { for layout.edges.iter().filter(|edge| edge.highlighted).map(|edge| html! {
                            <path class="fh-map-edge fh-map-edge--route" d={edge.path()}
                                marker-end="url(#fh-map-arrow-route)" />
                        }) }
                    </g>
                    <g class="fh-map__nodes">
                        { for layout.nodes.iter().map(|node| node_link(node, &node_events)) }
                    </g>
                    <g class="fh-map__labels" aria-hidden="true">
                        { for layout.rows.iter().map(|row| html! {
                            <text class="fh-map__row-label"
                                x={format!("{:.1}", visible.x.max(0.0) + 8.0)}
                                y={format!("{:.1}", row.y + ROW_LABEL_HEIGHT * 0.7)}>
                                { &row.label }
                            </text>
                        }) }
                        <rect class="fh-map__header" x="0" y={format!("{:.1}", visible.y.max(0.0))}
                            width={format!("{:.1}", layout.width)} height={format!("{HEADER_HEIGHT:.1}")} />
                        { for layout.columns.iter().map(|column| html! {
                            <text class="fh-map__column-label" text-anchor="middle"
                                x={format!("{:.1}", column.x + column.width / 2.0)}
                                y={format!("{:.1}", visible.y.max(0.0) + HEADER_HEIGHT * 0.65)}>
                                { &column.label }
                            </text>
                        }) }
                    </g>
                </svg>
            </div>
            <p class="fh-hint fh-map__help" id="fh-map-help">
                { "Drag to move the map (on a touch screen, with two fingers: one finger scrolls the page); pinch, or hold Ctrl and scroll, to zoom. With a keyboard, use the arrow keys to move, plus and minus to zoom, and Tab to go from role to role. Select a role to open its page." }
            </p>
        </div>
    }
}

fn midpoint(a: Point, b: Point) -> Point {
    Point {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

fn arrow_markers() -> Html {
    let marker = |id: &'static str, class: &'static str| {
        html! {
            <marker id={id} class={class} viewBox="0 0 10 10" refX="9" refY="5"
                markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">
                <path d="M0 0 L10 5 L0 10 z" />
            </marker>
        }
    };
    html! {
        <defs>
            { marker("fh-map-arrow", "fh-map__arrow") }
            { marker("fh-map-arrow-route", "fh-map__arrow fh-map__arrow--route") }
        </defs>
    }
}

/// What a role link on the map needs to react to clicks and focus.
struct NodeEvents {
    navigator: Option<Navigator>,
    gestures: Rc<RefCell<Gestures>>,
    view: UseReducerDispatcher<ViewState>,
}

fn node_link(node: &MapNode, events: &NodeEvents) -> Html {
    let route = Route::Role {
        id: node.id.to_string(),
    };
    let href = format!("#{}", route.to_path());
    let onclick = {
        let navigator = events.navigator.clone();
        let gestures = events.gestures.clone();
        Callback::from(move |event: MouseEvent| {
            // The click that ends a drag is not a choice of role; a click from the
            // keyboard (detail 0) always is, whatever the last drag was.
            let dragged = std::mem::take(&mut gestures.borrow_mut().dragged);
            if dragged && event.detail() != 0 {
                event.prevent_default();
                return;
            }
            if event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key() {
                return;
            }
            if let Some(navigator) = &navigator {
                event.prevent_default();
                navigator.push(&route);
            }
        })
    };
    let onfocus = {
        let view = events.view.clone();
        // Leave room for the band labels that stay at the top of the view.
        let rect = Rect {
            y: node.y - HEADER_HEIGHT,
            height: node.h + HEADER_HEIGHT,
            ..node.rect()
        };
        Callback::from(move |_: FocusEvent| view.dispatch(ViewAction::Reveal(rect)))
    };
    let text_x = format!("{:.1}", node.x + NODE_PADDING);
    let baseline = |line: usize| {
        format!(
            "{:.1}",
            node.y + NODE_PADDING + LINE_HEIGHT * line as f64 + LINE_HEIGHT * 0.75
        )
    };
    let title_count = node.title_lines.len();
    // Each line ends with a space so the box's text reads as words, not "supportworker",
    // to anything that joins the lines (and matches the link's accessible name).
    let name = node.accessible_name();
    html! {
        <a class={classes!("fh-map-node", node.highlighted.then_some("fh-map-node--route"))}
            key={node.id.as_str().to_owned()}
            href={href} aria-label={name.clone()} {onclick} {onfocus}>
            <title>{ name }</title>
            <rect class="fh-map-node__box" rx="6"
                x={format!("{:.1}", node.x)} y={format!("{:.1}", node.y)}
                width={format!("{:.1}", node.w)} height={format!("{:.1}", node.h)} />
            { for node.title_lines.iter().enumerate().map(|(index, line)| html! {
                <text class="fh-map-node__title" x={text_x.clone()} y={baseline(index)}>{ format!("{line} ") }</text>
            }) }
            <text class="fh-map-node__band" x={text_x.clone()} y={baseline(title_count)}>
                { format!("{} ", node.band_label) }
            </text>
            if let Some(step) = node.route_step {
                <text class="fh-map-node__route" x={text_x.clone()} y={baseline(title_count + 1)}>
                    { format!("On your route: step {step}") }
                </text>
            }
        </a>
    }
}
