//! Panning and zooming the role map never loses the map: whatever people do with
//! fingers, mouse and keys, the zoom stays in range and the map stays on screen.

#![cfg(not(target_arch = "wasm32"))]

use foothold::layout::viewport::MAX_SCALE;
use foothold::layout::{PanDirection, Point, Rect, Size, Viewport};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Gesture {
    Zoom(f64, f64, f64),
    ZoomIn,
    ZoomOut,
    Drag(f64, f64),
    Arrow(PanDirection),
    Resize(f64, f64),
    Reveal(f64, f64),
    Frame(f64, f64, f64, f64),
}

fn gesture() -> impl Strategy<Value = Gesture> {
    prop_oneof![
        (0.2..5.0f64, 0.0..1000.0f64, 0.0..800.0f64)
            .prop_map(|(factor, x, y)| Gesture::Zoom(factor, x, y)),
        Just(Gesture::ZoomIn),
        Just(Gesture::ZoomOut),
        (-3000.0..3000.0f64, -3000.0..3000.0f64).prop_map(|(dx, dy)| Gesture::Drag(dx, dy)),
        prop_oneof![
            Just(PanDirection::Up),
            Just(PanDirection::Down),
            Just(PanDirection::Left),
            Just(PanDirection::Right),
        ]
        .prop_map(Gesture::Arrow),
        (0.0..1600.0f64, 0.0..1000.0f64).prop_map(|(w, h)| Gesture::Resize(w, h)),
        (0.0..3000.0f64, 0.0..2000.0f64).prop_map(|(x, y)| Gesture::Reveal(x, y)),
        (
            0.0..2000.0f64,
            0.0..1500.0f64,
            1.0..2000.0f64,
            1.0..1500.0f64
        )
            .prop_map(|(x, y, w, h)| Gesture::Frame(x, y, w, h)),
    ]
}

fn apply(view: Viewport, gesture: &Gesture) -> Viewport {
    match *gesture {
        Gesture::Zoom(factor, x, y) => view.zoomed(factor, Point { x, y }),
        Gesture::ZoomIn => view.zoomed_in(),
        Gesture::ZoomOut => view.zoomed_out(),
        Gesture::Drag(dx, dy) => view.panned(dx, dy),
        Gesture::Arrow(direction) => view.stepped(direction),
        Gesture::Resize(width, height) => view.resized(Size { width, height }),
        Gesture::Reveal(x, y) => view.revealed(box_at(x, y)),
        Gesture::Frame(x, y, width, height) => view.framed(Rect {
            x,
            y,
            width,
            height,
        }),
    }
}

fn box_at(x: f64, y: f64) -> Rect {
    Rect {
        x,
        y,
        width: 180.0,
        height: 64.0,
    }
}

fn size() -> impl Strategy<Value = Size> {
    (1.0..4000.0f64, 1.0..3000.0f64).prop_map(|(width, height)| Size { width, height })
}

proptest! {
    #[test]
    fn the_zoom_stays_between_whole_map_and_the_largest_zoom(
        content in size(),
        screen in size(),
        gestures in proptest::collection::vec(gesture(), 0..30),
    ) {
        let view = gestures.iter().fold(Viewport::new(content, screen), apply);
        prop_assert!(view.scale >= view.min_scale() - 1e-9);
        prop_assert!(view.scale <= MAX_SCALE + 1e-9);
    }

    #[test]
    fn the_map_never_leaves_the_screen(
        content in size(),
        screen in size(),
        gestures in proptest::collection::vec(gesture(), 0..30),
    ) {
        let view = gestures.iter().fold(Viewport::new(content, screen), apply);
        let visible = view.view_rect();
        let map = Rect { x: 0.0, y: 0.0, width: content.width, height: content.height };
        let tolerance = 1e-6;
        if visible.width >= map.width {
            prop_assert!(visible.x <= tolerance && visible.right() >= map.width - tolerance);
        } else {
            prop_assert!(visible.x >= -tolerance && visible.right() <= map.width + tolerance);
        }
        if visible.height >= map.height {
            prop_assert!(visible.y <= tolerance && visible.bottom() >= map.height - tolerance);
        } else {
            prop_assert!(visible.y >= -tolerance && visible.bottom() <= map.height + tolerance);
        }
    }

    #[test]
    fn a_box_that_fits_on_screen_is_wholly_visible_once_revealed(
        x in 0.0..1800.0f64,
        y in 0.0..1400.0f64,
        gestures in proptest::collection::vec(gesture(), 0..10),
    ) {
        let content = Size { width: 2000.0, height: 1500.0 };
        let screen = Size { width: 360.0, height: 480.0 };
        let view = gestures.iter().fold(Viewport::new(content, screen), apply);
        let target = box_at(x, y);
        let visible = view.revealed(target).view_rect();
        if visible.width >= target.width + 32.0 && visible.height >= target.height + 32.0 {
            prop_assert!(visible.contains(&target), "{visible:?} should contain {target:?}");
        }
    }
}
