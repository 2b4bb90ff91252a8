//! The user's saved plans: steps with status, dates and notes, progress, projected
//! finish dates and the evidence log.
