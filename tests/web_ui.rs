//! UI components rendered into a real page: the role picker finds roles by their other
//! titles and chooses on an exact match, the step list is an ordered list with one item
//! per step and says which registration a step relies on, and a route card's "Save as
//! plan" button reports the click.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web_ui` (needs
//! wasm-bindgen-test-runner and a WebDriver such as chromedriver).

#![cfg(target_arch = "wasm32")]

use foothold::graph::{bundled_graph, bundled_role_index, RoleId};
use foothold::planner::{find_routes, Route as PlannedRoute, RouteQuery, SelfAssessment};
use foothold::ui::components::{route_card, step_list, RolePicker};
use foothold::ui::context::{GraphContext, RoleIndexContext, Shared};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static GRAPH: GraphContext = Shared(Rc::new(bundled_graph().expect("the bundled pack loads")));
    static ROLE_INDEX: RoleIndexContext =
        Shared(Rc::new(bundled_role_index().expect("the bundled role index loads")));
}

fn role_index() -> RoleIndexContext {
    ROLE_INDEX.with(Clone::clone)
}

fn graph() -> GraphContext {
    GRAPH.with(Clone::clone)
}

/// Lets yew render and the browser run queued events.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer fires");
}

/// A fresh element in the page to render into.
fn mount_point() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let element = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&element)
        .expect("added to the page");
    element
}

/// Types text into an input the way a person does, firing a bubbling `input` event.
fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatched");
}

fn nurse_to_cnio() -> PlannedRoute {
    let query = RouteQuery::new(
        RoleId::new("registered-nurse"),
        RoleId::new("chief-nursing-information-officer"),
    );
    find_routes(&graph().0, &query, &SelfAssessment::default())
        .expect("the bundled pack has routes from nurse to CNIO")
        .remove(0)
}

#[derive(Properties, PartialEq)]
struct PickerHostProps {
    chosen: Rc<RefCell<Vec<Option<RoleId>>>>,
}

#[function_component(PickerHost)]
fn picker_host(props: &PickerHostProps) -> Html {
    let chosen = props.chosen.clone();
    let on_change = Callback::from(move |role: Option<RoleId>| chosen.borrow_mut().push(role));
    html! {
        <ContextProvider<RoleIndexContext> context={role_index()}>
            <RolePicker id="picker" label="Current role" value={None::<RoleId>} {on_change} />
        </ContextProvider<RoleIndexContext>>
    }
}

#[wasm_bindgen_test]
async fn role_picker_lists_roles_found_by_their_other_titles() {
    let root = mount_point();
    let chosen = Rc::new(RefCell::new(Vec::new()));
    yew::Renderer::<PickerHost>::with_root_and_props(
        root.clone(),
        PickerHostProps {
            chosen: chosen.clone(),
        },
    )
    .render();
    settle().await;

    let input: web_sys::HtmlInputElement = root
        .query_selector("input[role=combobox]")
        .expect("a query")
        .expect("the picker's box")
        .dyn_into()
        .expect("an input");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    type_into(&input, "medical secretary");
    settle().await;
    let options = root.query_selector_all("[role=option]").expect("a query");
    assert!(options.length() >= 1, "a role is listed for another title");
    let first = options
        .get(0)
        .and_then(|node| node.text_content())
        .unwrap_or_default();
    assert!(
        first.starts_with("Administrator") && first.contains("also called Medical secretary"),
        "the match says which other title matched: {first}"
    );
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        chosen.borrow().last().cloned().flatten(),
        Some(RoleId::new("administrator")),
        "typing another title in full chooses its role"
    );

    type_into(&input, "no such job anywhere");
    settle().await;
    let options = root.query_selector_all("[role=option]").expect("a query");
    assert_eq!(options.length(), 0);
    assert_eq!(chosen.borrow().last().cloned().flatten(), None);
}

#[derive(Properties, PartialEq)]
struct StepsHostProps {
    route: Rc<PlannedRoute>,
    saves: Rc<RefCell<usize>>,
}

#[function_component(StepsHost)]
fn steps_host(props: &StepsHostProps) -> Html {
    let saves = props.saves.clone();
    let on_save = Callback::from(move |_| *saves.borrow_mut() += 1);
    let context = graph();
    html! {
        <ContextProvider<GraphContext> context={context.clone()}>
            <div id="steps">{ step_list(&context.0, &props.route.steps, 3) }</div>
            <div id="card">{ route_card(&context.0, &props.route, 1, None, &on_save) }</div>
        </ContextProvider<GraphContext>>
    }
}

#[wasm_bindgen_test]
async fn step_list_is_an_ordered_list_with_one_item_per_step_and_the_card_saves() {
    let route = Rc::new(nurse_to_cnio());
    let root = mount_point();
    let saves = Rc::new(RefCell::new(0));
    yew::Renderer::<StepsHost>::with_root_and_props(
        root.clone(),
        StepsHostProps {
            route: route.clone(),
            saves: saves.clone(),
        },
    )
    .render();
    settle().await;

    let items = root
        .query_selector_all("#steps > ol > li")
        .expect("a query");
    assert_eq!(items.length() as usize, route.steps.len());
    let last = items
        .get(items.length() - 1)
        .and_then(|node| node.text_content())
        .unwrap_or_default();
    assert!(last.contains("Chief nursing information officer"), "{last}");
    assert!(
        last.contains("About "),
        "each step says how long it takes: {last}"
    );

    let button: web_sys::HtmlElement = root
        .query_selector("#card button")
        .expect("a query")
        .expect("the card's button")
        .dyn_into()
        .expect("an element");
    assert_eq!(button.text_content().as_deref(), Some("Save as plan"));
    button.click();
    settle().await;
    assert_eq!(*saves.borrow(), 1);
}

#[wasm_bindgen_test]
async fn a_step_into_a_registered_role_says_which_registration_it_relies_on() {
    let route = Rc::new(nurse_to_cnio());
    let root = mount_point();
    yew::Renderer::<StepsHost>::with_root_and_props(
        root.clone(),
        StepsHostProps {
            route,
            saves: Rc::new(RefCell::new(0)),
        },
    )
    .render();
    settle().await;

    let steps = root
        .query_selector("#steps")
        .expect("a query")
        .and_then(|element| element.text_content())
        .unwrap_or_default();
    assert!(
        steps.contains("Relies on your registration as a nurse (NMC)"),
        "{steps}"
    );
}
