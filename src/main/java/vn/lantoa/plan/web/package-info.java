/** The plans' HTTP API ({@code /api/v1/plans}); internal to the plan module. */
package vn.lantoa.plan.web;
