//! The window onto the role map: which part is on screen and how large it is drawn.
//!
//! The map is drawn as an SVG whose `viewBox` is [`Viewport::view_box`]. Because the
//! view box always has the screen's proportions, one map unit is `scale` screen pixels
//! in both directions and pointer movements convert to map units by dividing by `scale`.
//! Every operation returns a new viewport that keeps some of the map on screen and the
//! zoom between "whole map fits" and [`MAX_SCALE`].

use super::map::{Point, Rect};

/// The largest zoom: three screen pixels per map unit.
pub const MAX_SCALE: f64 = 3.0;
/// How much one press of "Zoom in" or "Zoom out" changes the zoom.
pub const ZOOM_STEP: f64 = 1.25;
/// The smallest zoom used when framing a route, so its titles stay readable.
pub const FRAME_MIN_SCALE: f64 = 0.8;
/// Space kept around a box brought into view, in map units.
pub const REVEAL_MARGIN: f64 = 16.0;
/// The screen size assumed before the real one is measured (a small phone).
pub const DEFAULT_SCREEN: Size = Size {
    width: 360.0,
    height: 480.0,
};
/// Below this zoom nothing is legible, whatever the map's size.
const ABSOLUTE_MIN_SCALE: f64 = 0.05;

/// A width and a height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Size {
    /// The size, or `fallback` when either side is zero, negative or not a number (an
    /// element not laid out yet measures zero).
    fn or(self, fallback: Size) -> Size {
        let usable = |side: f64| side.is_finite() && side > 0.0;
        if usable(self.width) && usable(self.height) {
            self
        } else {
            fallback
        }
    }
}

/// A direction to pan the map with the arrow keys: the way the view moves, so `Right`
/// shows what lies to the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanDirection {
    /// Show more of the map above.
    Up,
    /// Show more of the map below.
    Down,
    /// Show more of the map to the left.
    Left,
    /// Show more of the map to the right.
    Right,
}

/// Which part of the map is on screen and at what zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The map x at the screen's left edge.
    pub x: f64,
    /// The map y at the screen's top edge.
    pub y: f64,
    /// Screen pixels per map unit.
    pub scale: f64,
    /// The size of the map's box on screen, in CSS pixels.
    pub screen: Size,
    /// The size of the whole map, in map units.
    pub content: Size,
}

impl Viewport {
    /// The starting view: the map's top-left corner at 100% zoom, or smaller if the
    /// whole map fits the screen at a smaller zoom anyway.
    pub fn new(content: Size, screen: Size) -> Viewport {
        let content = content.or(Size {
            width: 1.0,
            height: 1.0,
        });
        Viewport {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
            screen: screen.or(DEFAULT_SCREEN),
            content,
        }
        .clamped()
    }

    /// The smallest zoom: the whole map fits the screen (but never more than 100%).
    pub fn min_scale(&self) -> f64 {
        let fit_width = self.screen.width / self.content.width;
        let fit_height = self.screen.height / self.content.height;
        fit_width.min(fit_height).clamp(ABSOLUTE_MIN_SCALE, 1.0)
    }

    /// The part of the map on screen, in map units.
    pub fn view_rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.screen.width / self.scale,
            height: self.screen.height / self.scale,
        }
    }

    /// The SVG `viewBox` attribute for this view.
    pub fn view_box(&self) -> String {
        let view = self.view_rect();
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            view.x, view.y, view.width, view.height
        )
    }

    /// The map point under a point of the screen (in CSS pixels from the map's corner).
    pub fn map_point(&self, screen_point: Point) -> Point {
        Point {
            x: self.x + screen_point.x / self.scale,
            y: self.y + screen_point.y / self.scale,
        }
    }

    /// The same view on a screen of another size, keeping the top-left corner and zoom.
    pub fn resized(self, screen: Size) -> Viewport {
        Viewport {
            screen: screen.or(self.screen),
            ..self
        }
        .clamped()
    }

    /// The same view over a map of another size (the map grows when a route adds its
    /// markers), keeping the corner and zoom where the new size allows.
    pub fn with_content(self, content: Size) -> Viewport {
        Viewport {
            content: content.or(self.content),
            ..self
        }
        .clamped()
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the map point under `focus` (a screen
    /// point) where it is, as a pinch or a mouse wheel should.
    pub fn zoomed(self, factor: f64, focus: Point) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let anchor = self.map_point(focus);
        let scale = (self.scale * factor).clamp(self.min_scale(), MAX_SCALE);
        Viewport {
            x: anchor.x - focus.x / scale,
            y: anchor.y - focus.y / scale,
            scale,
            ..self
        }
        .clamped()
    }

    /// One step of "Zoom in", about the middle of the screen.
    pub fn zoomed_in(self) -> Viewport {
        self.zoomed(ZOOM_STEP, self.screen_middle())
    }

    /// One step of "Zoom out", about the middle of the screen.
    pub fn zoomed_out(self) -> Viewport {
        self.zoomed(1.0 / ZOOM_STEP, self.screen_middle())
    }

    /// One step of "Zoom in" (`factor` above 1) or "Zoom out" about the roles that
    /// matter: the middle of the part of `focus` (a route or a person's role and its
    /// neighbours, in map units) that is on screen, so zooming keeps them in view;
    /// about the middle of the screen when none of it is on screen.
    pub fn zoomed_about(self, factor: f64, focus: Option<Rect>) -> Viewport {
        let view = self.view_rect();
        let visible = focus.and_then(|rect| {
            let left = rect.x.max(view.x);
            let top = rect.y.max(view.y);
            let right = rect.right().min(view.right());
            let bottom = rect.bottom().min(view.bottom());
            (left <= right && top <= bottom).then_some(Point {
                x: ((left + right) / 2.0 - self.x) * self.scale,
                y: ((top + bottom) / 2.0 - self.y) * self.scale,
            })
        });
        self.zoomed(factor, visible.unwrap_or_else(|| self.screen_middle()))
    }

    /// Moves the map with a pointer that moved by `dx`, `dy` screen pixels.
    pub fn panned(self, dx: f64, dy: f64) -> Viewport {
        if !dx.is_finite() || !dy.is_finite() {
            return self;
        }
        Viewport {
            x: self.x - dx / self.scale,
            y: self.y - dy / self.scale,
            ..self
        }
        .clamped()
    }

    /// One arrow-key step: a quarter of the screen in `direction`.
    pub fn stepped(self, direction: PanDirection) -> Viewport {
        let across = self.screen.width / 4.0;
        let down = self.screen.height / 4.0;
        match direction {
            PanDirection::Up => self.panned(0.0, down),
            PanDirection::Down => self.panned(0.0, -down),
            PanDirection::Left => self.panned(across, 0.0),
            PanDirection::Right => self.panned(-across, 0.0),
        }
    }

    /// Moves as little as possible so `rect` (with a small margin) is on screen, as when
    /// keyboard focus reaches a box that was off screen. A box larger than the screen has
    /// its top-left corner shown.
    pub fn revealed(self, rect: Rect) -> Viewport {
        let view = self.view_rect();
        let x = reveal_axis(view.x, view.width, rect.x, rect.width);
        let y = reveal_axis(view.y, view.height, rect.y, rect.height);
        Viewport { x, y, ..self }.clamped()
    }

    /// Zooms and moves to show `rect` (a highlighted route) whole when it fits at a
    /// readable zoom, centred; otherwise at the smallest readable zoom from its top-left.
    pub fn framed(self, rect: Rect) -> Viewport {
        let padded_width = rect.width + 2.0 * REVEAL_MARGIN;
        let padded_height = rect.height + 2.0 * REVEAL_MARGIN;
        let fit = (self.screen.width / padded_width).min(self.screen.height / padded_height);
        let floor = FRAME_MIN_SCALE.max(self.min_scale()).min(1.0);
        let scale = fit.clamp(floor, 1.0);
        let (view_width, view_height) = (self.screen.width / scale, self.screen.height / scale);
        let place = |start: f64, length: f64, view: f64| {
            if length + 2.0 * REVEAL_MARGIN <= view {
                start + length / 2.0 - view / 2.0
            } else {
                start - REVEAL_MARGIN
            }
        };
        Viewport {
            x: place(rect.x, rect.width, view_width),
            y: place(rect.y, rect.height, view_height),
            scale,
            ..self
        }
        .clamped()
    }

    /// Frames `rect` as [`Viewport::framed`] does, unless that leaves `keep` (the
    /// person's own role) off screen, when it frames `keep` alone instead.
    pub fn framed_keeping(self, rect: Rect, keep: Option<Rect>) -> Viewport {
        let framed = self.framed(rect);
        match keep {
            Some(keep) if !framed.view_rect().contains(&keep) => self.framed(keep),
            _ => framed,
        }
    }

    fn screen_middle(&self) -> Point {
        Point {
            x: self.screen.width / 2.0,
            y: self.screen.height / 2.0,
        }
    }

    /// Keeps the zoom in range and as much of the map on screen as the zoom allows.
    fn clamped(self) -> Viewport {
        let scale = if self.scale.is_finite() {
            self.scale.clamp(self.min_scale(), MAX_SCALE)
        } else {
            1.0_f64.clamp(self.min_scale(), MAX_SCALE)
        };
        let view_width = self.screen.width / scale;
        let view_height = self.screen.height / scale;
        Viewport {
            x: clamp_axis(self.x, self.content.width, view_width),
            y: clamp_axis(self.y, self.content.height, view_height),
            scale,
            ..self
        }
    }
}

/// Keeps one axis of the view on the map: a map longer than the view fills it; a map
/// shorter than the view sits in its middle.
fn clamp_axis(start: f64, content: f64, view: f64) -> f64 {
    let slack = content - view;
    if slack <= 0.0 {
        slack / 2.0
    } else if start.is_finite() {
        start.clamp(0.0, slack)
    } else {
        0.0
    }
}

fn reveal_axis(view_start: f64, view_length: f64, start: f64, length: f64) -> f64 {
    let wanted_start = start - REVEAL_MARGIN;
    let wanted_end = start + length + REVEAL_MARGIN;
    if wanted_end - wanted_start > view_length || wanted_start < view_start {
        wanted_start
    } else if wanted_end > view_start + view_length {
        wanted_end - view_length
    } else {
        view_start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: Size = Size {
        width: 2000.0,
        height: 1500.0,
    };
    const PHONE: Size = Size {
        width: 400.0,
        height: 300.0,
    };

    #[test]
    fn zooming_about_the_roles_that_matter_keeps_their_middle_where_it_was() {
        let view = Viewport::new(MAP, PHONE).panned(-600.0, -500.0);
        let focus = Rect {
            x: 700.0,
            y: 550.0,
            width: 100.0,
            height: 60.0,
        };
        let middle = Point { x: 750.0, y: 580.0 };
        let before = (
            (middle.x - view.x) * view.scale,
            (middle.y - view.y) * view.scale,
        );
        let zoomed = view.zoomed_about(ZOOM_STEP, Some(focus));
        let after = (
            (middle.x - zoomed.x) * zoomed.scale,
            (middle.y - zoomed.y) * zoomed.scale,
        );
        assert!(zoomed.scale > view.scale);
        assert!((before.0 - after.0).abs() < 1e-6 && (before.1 - after.1).abs() < 1e-6);
        let zoomed_out = zoomed.zoomed_about(1.0 / ZOOM_STEP, Some(focus));
        assert!(zoomed_out.view_rect().contains(&focus));
    }

    #[test]
    fn framing_roles_keeps_the_persons_own_role_on_screen() {
        let view = Viewport::new(MAP, PHONE);
        let wide = Rect {
            x: 100.0,
            y: 100.0,
            width: 1800.0,
            height: 1200.0,
        };
        let own = Rect {
            x: 1700.0,
            y: 1200.0,
            width: 120.0,
            height: 60.0,
        };
        assert!(!view.framed(wide).view_rect().contains(&own));
        assert!(view
            .framed_keeping(wide, Some(own))
            .view_rect()
            .contains(&own));
        let near = Rect {
            x: 1600.0,
            y: 1150.0,
            width: 300.0,
            height: 150.0,
        };
        assert_eq!(view.framed_keeping(near, Some(own)), view.framed(near));
        assert_eq!(view.framed_keeping(wide, None), view.framed(wide));
    }

    #[test]
    fn zooming_about_roles_off_screen_uses_the_middle_of_the_screen() {
        let view = Viewport::new(MAP, PHONE);
        let far = Rect {
            x: 1800.0,
            y: 1400.0,
            width: 50.0,
            height: 50.0,
        };
        assert_eq!(view.zoomed_about(ZOOM_STEP, Some(far)), view.zoomed_in());
        assert_eq!(view.zoomed_about(ZOOM_STEP, None), view.zoomed_in());
    }

    #[test]
    fn the_map_starts_at_its_top_left_corner_at_full_size() {
        let view = Viewport::new(MAP, PHONE);
        assert_eq!((view.x, view.y, view.scale), (0.0, 0.0, 1.0));
        assert_eq!(view.view_box(), "0.0 0.0 400.0 300.0");
    }

    #[test]
    fn a_screen_not_yet_measured_counts_as_a_small_phone() {
        let view = Viewport::new(
            MAP,
            Size {
                width: 0.0,
                height: 0.0,
            },
        );
        assert_eq!(view.screen, DEFAULT_SCREEN);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let view = Viewport::new(MAP, PHONE).panned(-500.0, -500.0);
        let focus = Point { x: 120.0, y: 80.0 };
        let before = view.map_point(focus);
        let after = view.zoomed(1.5, focus).map_point(focus);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
    }

    #[test]
    fn zoom_in_then_zoom_out_returns_to_the_same_zoom() {
        let view = Viewport::new(MAP, PHONE);
        let back = view.zoomed_in().zoomed_out();
        assert!((back.scale - view.scale).abs() < 1e-9);
    }

    #[test]
    fn zooming_out_stops_when_the_whole_map_fits() {
        let mut view = Viewport::new(MAP, PHONE);
        for _ in 0..50 {
            view = view.zoomed_out();
        }
        let visible = view.view_rect();
        assert!(visible.width >= MAP.width - 1e-6 || visible.height >= MAP.height - 1e-6);
        assert!((view.scale - 0.2).abs() < 1e-9);
    }

    #[test]
    fn the_right_arrow_shows_what_lies_to_the_right() {
        let view = Viewport::new(MAP, PHONE).stepped(PanDirection::Right);
        assert_eq!(view.x, 100.0);
        assert_eq!(view.stepped(PanDirection::Left).x, 0.0);
    }

    #[test]
    fn a_map_smaller_than_the_screen_sits_in_its_middle() {
        let small = Size {
            width: 200.0,
            height: 100.0,
        };
        let view = Viewport::new(small, PHONE).panned(-50.0, 30.0);
        assert_eq!((view.x, view.y), (-100.0, -100.0));
    }

    #[test]
    fn panning_stops_at_the_edge_of_the_map() {
        let view = Viewport::new(MAP, PHONE).panned(500.0, 500.0);
        assert_eq!((view.x, view.y), (0.0, 0.0));
        let far = Viewport::new(MAP, PHONE).panned(-1e6, -1e6);
        assert_eq!((far.x, far.y), (1600.0, 1200.0));
    }

    #[test]
    fn a_focused_box_off_screen_is_brought_into_view() {
        let rect = Rect {
            x: 900.0,
            y: 700.0,
            width: 180.0,
            height: 64.0,
        };
        let view = Viewport::new(MAP, PHONE).revealed(rect);
        assert!(view.view_rect().contains(&rect));
    }

    #[test]
    fn a_box_already_on_screen_does_not_move_the_view() {
        let rect = Rect {
            x: 50.0,
            y: 50.0,
            width: 180.0,
            height: 64.0,
        };
        let view = Viewport::new(MAP, PHONE);
        assert_eq!(view.revealed(rect), view);
    }

    #[test]
    fn a_short_route_is_framed_whole_and_centred() {
        let route = Rect {
            x: 600.0,
            y: 400.0,
            width: 300.0,
            height: 150.0,
        };
        let view = Viewport::new(MAP, PHONE).framed(route);
        let visible = view.view_rect();
        assert!(visible.contains(&route));
        let middle = visible.x + visible.width / 2.0;
        assert!((middle - 750.0).abs() < 1e-6);
    }

    #[test]
    fn a_long_route_is_shown_from_its_start_at_a_readable_zoom() {
        let route = Rect {
            x: 100.0,
            y: 300.0,
            width: 1800.0,
            height: 900.0,
        };
        let view = Viewport::new(MAP, PHONE).framed(route);
        assert_eq!(view.scale, FRAME_MIN_SCALE);
        assert_eq!(view.x, route.x - REVEAL_MARGIN);
    }
}
