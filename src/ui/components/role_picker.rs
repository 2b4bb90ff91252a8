//! A searchable role chooser: a labelled text box that lists matching roles by title and
//! by the other titles they go by, following the ARIA combobox pattern so it works with
//! a keyboard and a screen reader.

use crate::graph::RoleId;
use crate::lowercase::lowercase;
use crate::ui::context::use_role_index;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many matches to list at once; more would bury the input on a phone.
const MAX_MATCHES: usize = 8;

/// What to try when nothing matches, shown under the box and read out.
const NO_MATCH: &str =
    "No roles match. Try the start of a job title (nurse, analyst), another name (HCA) or a band (band 5).";

/// Props for [`RolePicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct RolePickerProps {
    /// The input's id (options and hints derive their ids from it).
    pub id: AttrValue,
    /// The visible label, which is also the accessible name ("Current role").
    pub label: AttrValue,
    /// Help under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// An error to show above the input, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The chosen role.
    pub value: Option<RoleId>,
    /// Called with the chosen role, or `None` when the text no longer names one.
    pub on_change: Callback<Option<RoleId>>,
}

/// One role in the list of matches.
#[derive(Clone, PartialEq)]
struct Match {
    id: RoleId,
    title: String,
    /// The other title that matched, shown so people see why a role is listed.
    matched_other: Option<String>,
    /// The bands it is usually advertised at ("bands 5 to 7"), so a search for a band
    /// shows why each role is listed.
    bands: String,
}

/// The roles matching what was typed, best first (at most [`MAX_MATCHES`]), and how many
/// match in all.
fn matches_for(index: &crate::graph::RoleIndex, text: &str) -> (Vec<Match>, usize) {
    let needle = lowercase(text.trim());
    if needle.is_empty() {
        return (Vec::new(), 0);
    }
    let found = index.search(&needle);
    let total = found.len();
    let shown = found
        .into_iter()
        .take(MAX_MATCHES)
        .map(|role| {
            let matched_other = if lowercase(&role.title).contains(&needle) {
                None
            } else {
                role.also_known_as
                    .iter()
                    .find(|other| lowercase(other).contains(&needle))
                    .cloned()
            };
            Match {
                id: role.id.clone(),
                title: role.title.clone(),
                matched_other,
                // Plain concatenation keeps the band names' formatting code out of the
                // first load.
                bands: if role.bands.min == role.bands.max {
                    ["band ", role.bands.min.code()].concat()
                } else {
                    [
                        "bands ",
                        role.bands.min.code(),
                        " to ",
                        role.bands.max.code(),
                    ]
                    .concat()
                },
            }
        })
        .collect();
    (shown, total)
}

/// The role whose title or other title is exactly the text, ignoring case and spaces
/// around it, so typing a full title without picking from the list still works.
fn exact_role(index: &crate::graph::RoleIndex, text: &str) -> Option<RoleId> {
    let wanted = lowercase(text.trim());
    if wanted.is_empty() {
        return None;
    }
    let roles = &index.roles;
    roles
        .iter()
        .find(|role| lowercase(&role.title) == wanted)
        .or_else(|| {
            roles.iter().find(|role| {
                role.also_known_as
                    .iter()
                    .any(|other| lowercase(other) == wanted)
            })
        })
        .map(|role| role.id.clone())
}

/// A text box with a list of matching roles.
#[function_component(RolePicker)]
pub fn role_picker(props: &RolePickerProps) -> Html {
    let index = use_role_index();
    let initial_title = props
        .value
        .as_ref()
        .and_then(|id| index.as_ref().and_then(|index| index.role(id)))
        .map(|role| role.title.clone())
        .unwrap_or_default();
    let text = use_state(|| initial_title);
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    // The choice last reported to the parent, so typing reports each change once even
    // when the parent does not pass the choice back in (as the "avoid" picker does).
    let reported = use_mut_ref(|| props.value.clone());

    // Follow a role chosen elsewhere (for example "Change" from the results).
    {
        let text = text.clone();
        let index = index.clone();
        let reported = reported.clone();
        use_effect_with(props.value.clone(), move |value| {
            *reported.borrow_mut() = value.clone();
            if let (Some(id), Some(index)) = (value, index) {
                if let Some(role) = index.role(id) {
                    if lowercase(text.trim()) != lowercase(&role.title)
                        && exact_role(&index, &text).as_ref() != Some(id)
                    {
                        text.set(role.title.clone());
                    }
                }
            }
        });
    }

    let Some(index) = index else {
        return Html::default();
    };
    let (matches, total) = matches_for(&index, &text);
    let band_search = text.chars().any(|c| c.is_ascii_digit());
    let listbox_id = format!("{}-listbox", props.id);
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let status_id = format!("{}-status", props.id);
    let option_id = |index: usize| format!("{}-option-{index}", props.id);
    let expanded = *open && !matches.is_empty();

    let choose = {
        let text = text.clone();
        let open = open.clone();
        let active = active.clone();
        let on_change = props.on_change.clone();
        let reported = reported.clone();
        Callback::from(move |chosen: Match| {
            text.set(chosen.title.clone());
            open.set(false);
            active.set(None);
            *reported.borrow_mut() = Some(chosen.id.clone());
            on_change.emit(Some(chosen.id));
        })
    };

    let oninput = {
        let text = text.clone();
        let open = open.clone();
        let active = active.clone();
        let on_change = props.on_change.clone();
        let reported = reported.clone();
        let index = index.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let typed = input.value();
            let exact = exact_role(&index, &typed);
            if exact != *reported.borrow() {
                *reported.borrow_mut() = exact.clone();
                on_change.emit(exact);
            }
            text.set(typed);
            open.set(true);
            active.set(None);
        })
    };

    let onkeydown = {
        let open = open.clone();
        let active = active.clone();
        let matches = matches.clone();
        let choose = choose.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = matches.len();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set(Some(match *active {
                        Some(index) if index + 1 < count => index + 1,
                        Some(_) => 0,
                        None => 0,
                    }));
                }
                "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set(Some(match *active {
                        Some(0) | None => count - 1,
                        Some(index) => index - 1,
                    }));
                }
                "Enter" => {
                    if let (true, Some(index)) = (*open, *active) {
                        if let Some(chosen) = matches.get(index) {
                            // Choosing from the list must not also submit the form.
                            event.prevent_default();
                            choose.emit(chosen.clone());
                        }
                    }
                }
                "Escape" if *open => {
                    event.prevent_default();
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        })
    };

    let onblur = {
        let open = open.clone();
        let active = active.clone();
        Callback::from(move |_: FocusEvent| {
            open.set(false);
            active.set(None);
        })
    };

    let active_descendant = (*active)
        .filter(|_| expanded)
        .map(|index| AttrValue::from(option_id(index)));
    let mut described_by = Vec::new();
    if props.hint.is_some() {
        described_by.push(hint_id.clone());
    }
    if props.error.is_some() {
        described_by.push(error_id.clone());
    }
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    let no_match = !text.trim().is_empty() && total == 0;
    let status = if *open && !text.trim().is_empty() {
        match (total, matches.len()) {
            (0, _) => NO_MATCH.to_owned(),
            (1, _) => "1 role matches.".to_owned(),
            (n, shown) if n > shown => {
                format!(
                    "{n} roles match; the first {shown} are listed. Type more to narrow the list."
                )
            }
            (n, _) => format!("{n} roles match."),
        }
    } else {
        String::new()
    };

    html! {
        <div class={classes!("fh-form-group", "fh-role-picker", props.error.is_some().then_some("fh-form-group--error"))}>
            <label class="fh-label" for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <div class="fh-hint" id={hint_id.clone()}>{ hint.clone() }</div>
            }
            if let Some(error) = &props.error {
                <p class="fh-error-message" id={error_id.clone()}>
                    <span class="fh-visually-hidden">{ "Error: " }</span>{ error.clone() }
                </p>
            }
            <div class="fh-role-picker__field">
                <input
                    id={props.id.clone()}
                    class={classes!("fh-input", props.error.is_some().then_some("fh-input--error"))}
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={listbox_id.clone()}
                    aria-activedescendant={active_descendant}
                    aria-describedby={described_by}
                    value={(*text).clone()}
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                <ul class="fh-role-picker__list" id={listbox_id} role="listbox" aria-label="Roles matching what you typed" hidden={!expanded}>
                    { for matches.iter().enumerate().map(|(index, item)| {
                        let selected = *active == Some(index);
                        let onmousedown = Callback::from(|event: MouseEvent| {
                            // Keeps focus in the input so choosing does not blur and close.
                            event.prevent_default();
                        });
                        let onclick = {
                            let choose = choose.clone();
                            let item = item.clone();
                            Callback::from(move |_: MouseEvent| choose.emit(item.clone()))
                        };
                        html! {
                            <li
                                id={option_id(index)}
                                role="option"
                                class={classes!("fh-role-picker__option", selected.then_some("fh-role-picker__option--active"))}
                                aria-selected={if selected { "true" } else { "false" }}
                                {onmousedown}
                                {onclick}
                            >
                                <span class="fh-role-picker__title">{ item.title.clone() }</span>
                                if let Some(other) = &item.matched_other {
                                    <span class="fh-role-picker__also">{ format!(" (also called {other})") }</span>
                                }
                                if band_search {
                                    <span class="fh-role-picker__also">{ format!(" · {}", item.bands) }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </div>
            if no_match {
                <p class="fh-hint fh-role-picker__none">{ NO_MATCH }</p>
            }
            <div class="fh-visually-hidden" id={status_id} role="status" aria-live="polite">{ status }</div>
        </div>
    }
}
