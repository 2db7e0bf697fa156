// Named imports from CommonJS packages (express's entry only reexports ./lib/express).
import express, { Router, json, static as serveStatic } from 'express';
import cookieParser from 'cookie-parser';

export const summary = [express, Router, json, serveStatic, cookieParser]
  .map((value) => typeof value).join(',');
