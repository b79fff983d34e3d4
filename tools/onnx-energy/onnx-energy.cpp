// Placeholder driver; replaced by the real one.
int main() { return 0; }
