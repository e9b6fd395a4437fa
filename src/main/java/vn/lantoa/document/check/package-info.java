/** The format check of a plan against its profile, contributed to the plan checks ({@link vn.lantoa.plan.PlanCheck}). */
package vn.lantoa.document.check;
