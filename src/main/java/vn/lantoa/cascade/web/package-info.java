/** The cascade's pages and HTTP API: tasks, deriving a plan, the cascade view, coverage. */
package vn.lantoa.cascade.web;
