//! Starts the Foothold web app; everything else lives in the library.

fn main() {
    yew::Renderer::<foothold::ui::App>::new().render();
}
