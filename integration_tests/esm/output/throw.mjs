const value = 1;
throw new Error(`esm boom ${value}`);
